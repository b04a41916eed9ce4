package dev.berth.image.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testsupport.HandmadeImages;
import dev.berth.testsupport.HandmadeImages.Blob;
import dev.berth.testsupport.HandmadeImages.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Removing pulled images frees the blobs only they use; a layer another image shares stays. */
class PulledImageRemovalIT extends AbstractPullIT {

  @Test
  void removingAnImageFreesItsOwnBlobsButKeepsALayerAnotherImageShares() throws Exception {
    Layer shared = HandmadeImages.gzipLayer("base.bin", randomBytes(64 << 10));
    HandmadeImages.push(REGISTRY.address(), "removal/first", shared.blob());
    HandmadeImages.push(REGISTRY.address(), "removal/second", shared.blob());
    List<String> first = pushTwoLayerImage("removal/first", shared);
    List<String> second = pushTwoLayerImage("removal/second", shared);
    pullSuccessfully("removal/first:v1");
    pullSuccessfully("removal/second:v1");
    assertThat(first).allSatisfy(digest -> assertThat(isStored(digest)).as(digest).isTrue());

    assertThat(delete("removal/first:v1").statusCode()).isEqualTo(200);

    assertThat(first).allSatisfy(digest -> assertThat(isStored(digest)).as(digest).isFalse());
    assertThat(isStored(shared.blob().digest())).isTrue();
    assertThat(HandmadeImages.sha256(storedBlob(shared.blob().digest()))).isEqualTo(shared.blob().digest());
    assertThat(inspect("removal/second:v1").get("layers").get(0).asString()).isEqualTo(shared.diffId());

    assertThat(delete("removal/second:v1").statusCode()).isEqualTo(200);

    assertThat(second).allSatisfy(digest -> assertThat(isStored(digest)).as(digest).isFalse());
    assertThat(isStored(shared.blob().digest())).isFalse();
  }

  /**
   * Pushes {@code repository:v1} with {@code shared} as its bottom layer and a layer of its own on
   * top; returns the digests of its config, own layer and manifest.
   */
  private static List<String> pushTwoLayerImage(String repository, Layer shared) {
    Layer own = HandmadeImages.gzipLayer("own.bin", randomBytes(32 << 10));
    Blob config = HandmadeImages.config("amd64", List.of(shared.diffId(), own.diffId()));
    Blob manifest = HandmadeImages.manifest(config.entry(HandmadeImages.OCI_CONFIG), List.of(
        shared.blob().entry(HandmadeImages.OCI_LAYER_GZIP), own.blob().entry(HandmadeImages.OCI_LAYER_GZIP)));
    HandmadeImages.push(REGISTRY.address(), repository, config);
    HandmadeImages.push(REGISTRY.address(), repository, own.blob());
    HandmadeImages.pushManifest(REGISTRY.address(), repository, "v1", manifest);
    return List.of(config.digest(), own.blob().digest(), manifest.digest());
  }
}
