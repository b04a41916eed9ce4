package dev.berth.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlobStreamTest {

  private static final byte[] BLOB = "hello, blob".getBytes(StandardCharsets.UTF_8);
  private static final Digest DIGEST = Digest.sha256(BLOB);

  @Test
  void deliversAVerifiedBlobAndReportsProgress() throws Exception {
    List<Long> progress = new ArrayList<>();
    try (BlobStream stream = new BlobStream(new ByteArrayInputStream(BLOB), DIGEST, 0, BLOB.length,
        DigestAlgorithm.SHA256.newMessageDigest(), progress::add)) {
      assertThat(stream.readAllBytes()).isEqualTo(BLOB);
      assertThat(stream.position()).isEqualTo(BLOB.length);
    }
    assertThat(progress).last().isEqualTo((long) BLOB.length);
  }

  @Test
  void rejectsABlobWhoseDigestDoesNotMatch() {
    byte[] tampered = BLOB.clone();
    tampered[0] = 'j';
    BlobStream stream = new BlobStream(new ByteArrayInputStream(tampered), DIGEST, 0, BLOB.length,
        DigestAlgorithm.SHA256.newMessageDigest(), TransferProgress.NONE);

    assertThatThrownBy(stream::readAllBytes).isInstanceOf(ContentVerificationException.class)
        .hasMessageContaining("arrived with digest");
  }

  @Test
  void rejectsATruncatedOrOverlongBlob() {
    BlobStream truncated = new BlobStream(new ByteArrayInputStream(BLOB, 0, 4), DIGEST, 0, BLOB.length, null,
        TransferProgress.NONE);
    byte[] longer = Arrays.copyOf(BLOB, BLOB.length + 1);
    BlobStream overlong = new BlobStream(new ByteArrayInputStream(longer), DIGEST, 0, BLOB.length, null,
        TransferProgress.NONE);

    assertThatThrownBy(truncated::readAllBytes).hasMessageContaining("ended at byte 4 of " + BLOB.length);
    assertThatThrownBy(overlong::readAllBytes).hasMessageContaining("longer than");
  }

  @Test
  void verifiesAResumedReadWithTheHashOfTheBytesBefore() throws Exception {
    MessageDigest prefix = DigestAlgorithm.SHA256.newMessageDigest();
    prefix.update(BLOB, 0, 5);
    BlobStream rest = new BlobStream(new ByteArrayInputStream(BLOB, 5, BLOB.length - 5), DIGEST, 5, BLOB.length,
        prefix, TransferProgress.NONE);

    assertThat(rest.readAllBytes()).isEqualTo(Arrays.copyOfRange(BLOB, 5, BLOB.length));
    assertThat(rest.offset()).isEqualTo(5);
    assertThat(rest.verifies()).isTrue();
  }
}
