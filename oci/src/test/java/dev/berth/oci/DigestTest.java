package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {

  private static final String EMPTY_SHA256 =
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void computesSha256OfBytes() {
    assertThat(Digest.sha256(new byte[0])).hasToString(EMPTY_SHA256);
    assertThat(Digest.sha256("{}".getBytes(StandardCharsets.UTF_8)))
        .hasToString("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  }

  @Test
  void computesSha512OfBytes() {
    Digest digest = Digest.of(DigestAlgorithm.SHA512, new byte[0]);
    assertThat(digest.algorithm()).isEqualTo(DigestAlgorithm.SHA512);
    assertThat(digest.encoded()).hasSize(128).startsWith("cf83e1357eefb8bd");
  }

  @Test
  void parsesWhatItPrints() {
    Digest digest = Digest.parse(EMPTY_SHA256);
    assertThat(digest.algorithm()).isEqualTo(DigestAlgorithm.SHA256);
    assertThat(Digest.parse(digest.toString())).isEqualTo(digest);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "sha256", "sha256:", ":abc", "sha256:abc",
      "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
      "md5:d41d8cd98f00b204e9800998ecf8427e",
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855/../x",
      "SHA256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"})
  void rejectsMalformedOrUnsupportedDigests(String value) {
    assertThatThrownBy(() -> Digest.parse(value)).isInstanceOf(InvalidDigestException.class);
    assertThat(Digest.isDigest(value)).isFalse();
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Digest.parse(null)).isInstanceOf(InvalidDigestException.class);
  }

  @Test
  void ordersByItsString() {
    Digest a = Digest.parse("sha256:" + "a".repeat(64));
    Digest b = Digest.parse("sha256:" + "b".repeat(64));
    assertThat(a).isLessThan(b);
  }
}
