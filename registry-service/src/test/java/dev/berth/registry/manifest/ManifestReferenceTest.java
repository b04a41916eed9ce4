package dev.berth.registry.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.registry.distribution.DistributionException;
import dev.berth.registry.distribution.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestReferenceTest {

  @ParameterizedTest
  @ValueSource(strings = {"latest", "v1.0.0-rc_1", "_private", "1", "UPPER.case"})
  void readsTags(String tag) {
    ManifestReference reference = ManifestReference.parse(tag);

    assertThat(reference.isTag()).isTrue();
    assertThat(reference.tag()).isEqualTo(tag);
    assertThat(reference.digest()).isNull();
    assertThat(reference).hasToString(tag);
  }

  @Test
  void readsDigestsOfEveryAlgorithm() {
    for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
      Digest digest = Digest.of(algorithm, new byte[] {1, 2, 3});

      ManifestReference reference = ManifestReference.parse(digest.toString());

      assertThat(reference.isTag()).isFalse();
      assertThat(reference.digest()).isEqualTo(digest);
      assertThat(reference).hasToString(digest.toString());
    }
  }

  @Test
  void acceptsTagsUpTo128Characters() {
    assertThat(ManifestReference.parse("t".repeat(128)).tag()).hasSize(128);
    assertThat(code("t".repeat(129))).isEqualTo(ErrorCode.TAG_INVALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-dash", ".dot", "a/b", "a b", "ta+g", ""})
  void refusesInvalidTags(String tag) {
    assertThat(code(tag)).isEqualTo(ErrorCode.TAG_INVALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sha256:abc", "md5:0123456789abcdef0123456789abcdef", "a:b", "sha256:"})
  void refusesMalformedDigests(String reference) {
    assertThat(code(reference)).isEqualTo(ErrorCode.DIGEST_INVALID);
  }

  private static ErrorCode code(String reference) {
    try {
      ManifestReference.parse(reference);
    } catch (DistributionException e) {
      return e.code();
    }
    throw new AssertionError(reference + " was accepted");
  }
}
