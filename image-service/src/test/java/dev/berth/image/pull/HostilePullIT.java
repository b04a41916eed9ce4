package dev.berth.image.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.PeerTest;
import dev.berth.testsupport.HandmadeImages;
import dev.berth.testsupport.HandmadeImages.Blob;
import dev.berth.testsupport.HandmadeImages.Layer;
import dev.berth.testsupport.RegistryPeer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Content a real registry serves that must not be stored: a layer corrupted on the disk of each
 * peer registry, a layer that does not unpack to the config's diffID, descriptors with absurd or wrong
 * sizes, a layer the registry lost. Each is refused with a clear error and leaves nothing behind.
 */
class HostilePullIT extends AbstractPullIT {

  private static final int KiB = 1 << 10;

  @PeerTest
  void rejectsALayerCorruptedOnTheRegistrysDisk(RegistryPeer peer) throws Exception {
    PushedImage pushed = pushRandomImage(peer.address(), "hostile/corrupt", "v1", 512 * KiB, null);
    flipByteInTheMiddle(peer.blobFile(pushed.layerDigest()));
    String name = peer.address() + "/hostile/corrupt:v1";

    Pull pull = pull(name);

    assertThat(pull.last()).contains("\"error\"", "layer " + pushed.layerDigest(), "failed verification",
        "arrived with digest");
    assertNothingStored(name, pushed);
  }

  @Test
  void rejectsALayerWhoseDiffIdDoesNotMatchTheConfig() throws Exception {
    String wrongDiffId = HandmadeImages.sha256("not this layer".getBytes());
    PushedImage pushed = pushRandomImage(REGISTRY.address(), "hostile/diffid", "v1", 64 * KiB, wrongDiffId);

    Pull pull = pull("hostile/diffid:v1");

    assertThat(pull.last()).contains("\"error\"", "layer " + pushed.layerDigest() + " unpacks to "
        + pushed.layer().diffId() + " but the image config says " + wrongDiffId);
    assertNothingStored("hostile/diffid:v1", pushed);
  }

  @ParameterizedTest
  @ValueSource(longs = {1L << 50, Long.MAX_VALUE})
  void rejectsALayerDescriptorWithAnAbsurdSize(long size) throws Exception {
    String name = "hostile/absurd-" + Long.toHexString(size) + ":v1";
    PushedImage pushed = pushWithLayerSize(name, size);

    Pull pull = pull(name);

    assertThat(pull.last()).contains("\"error\"", "failed verification",
        "the registry announces " + pushed.layer().blob().size() + " bytes, the manifest says " + size);
    assertNothingStored(name, pushed);
  }

  @Test
  void rejectsALayerDescriptorWithANegativeSize() throws Exception {
    String name = "hostile/negative:v1";
    PushedImage pushed = pushWithLayerSize(name, -1);

    Pull pull = pull(name);

    assertThat(pull.status()).isEqualTo(400);
    assertThat(pull.body()).contains("manifest of " + name + " is invalid", "negative size");
    assertNothingStored(name, pushed);
  }

  @Test
  void rejectsARegistrySendingMoreBytesThanTheDescriptorAnnounces() throws Exception {
    String name = "hostile/longer:v1";
    PushedImage pushed = pushWithLayerSize(name, 100);

    Pull pull = pull(name);

    assertThat(pull.last()).contains("\"error\"", "failed verification",
        "the registry announces " + pushed.layer().blob().size() + " bytes, the manifest says 100");
    assertNothingStored(name, pushed);
  }

  @Test
  void rejectsAnImageWhoseLayerTheRegistryLost() throws Exception {
    PushedImage pushed = pushRandomImage(REGISTRY.address(), "hostile/lost", "v1", 4 * KiB, null);
    HandmadeImages.deleteBlob(REGISTRY.address(), "hostile/lost", pushed.layerDigest());

    Pull pull = pull("hostile/lost:v1");

    assertThat(pull.last()).contains("\"error\"", "layer " + pushed.layerDigest() + " of ",
        "is missing from the registry");
    assertNothingStored("hostile/lost:v1", pushed);
  }

  /** Pushes {@code name} (a repository with a tag) as an image whose manifest says its layer is {@code size} bytes. */
  private static PushedImage pushWithLayerSize(String name, long size) {
    String repository = name.substring(0, name.indexOf(':'));
    Layer layer = HandmadeImages.gzipLayer("random.bin", randomBytes(4 * KiB));
    Blob config = HandmadeImages.config("amd64", List.of(layer.diffId()));
    Blob manifest = HandmadeImages.manifest(config.entry(HandmadeImages.OCI_CONFIG),
        List.of(layer.blob().entry(HandmadeImages.OCI_LAYER_GZIP).withSize(size)));
    HandmadeImages.push(REGISTRY.address(), repository, config);
    HandmadeImages.push(REGISTRY.address(), repository, layer.blob());
    HandmadeImages.pushManifest(REGISTRY.address(), repository, name.substring(name.indexOf(':') + 1), manifest);
    return new PushedImage(layer, config, manifest);
  }

  private static void flipByteInTheMiddle(Path file) throws Exception {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long middle = channel.size() / 2;
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, middle);
      one.put(0, (byte) (one.get(0) ^ 0xff)).rewind();
      channel.write(one, middle);
    }
  }
}
