package dev.berth.image.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.PeerTest;
import dev.berth.testsupport.HandmadeImages;
import dev.berth.testsupport.RegistryPeer;
import dev.berth.testsupport.RegistryProxy;
import dev.berth.testsupport.RegistryProxy.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pull whose layer download breaks half-way, through a proxy in front of a real registry that
 * cuts the connection, and is then pulled again: the second attempt asks only for the rest.
 */
class ResumedPullIT extends AbstractPullIT {

  private static final int MiB = 1 << 20;

  @PeerTest
  void resumesAnInterruptedLayerDownloadFromWhereItBroke(RegistryPeer peer) throws Exception {
    PushedImage pushed = pushRandomImage(peer.address(), "resume/big", "v1", 8 * MiB, null);
    long size = pushed.layer().blob().size();
    long cutAt = 3L * MiB;
    Path partial = content.ingest("pull-" + pushed.layerDigest().replace(':', '-'));
    try (RegistryProxy proxy = RegistryProxy.start(peer.address())) {
      String name = proxy.address() + "/resume/big:v1";
      proxy.cutNextBlobDownload(pushed.layerDigest(), cutAt);

      Pull broken = pull(name);

      assertThat(broken.succeeded()).isFalse();
      assertThat(broken.last()).contains("\"error\"", "pulling " + name + " failed");
      assertThat(isStored(pushed.layerDigest())).isFalse();
      long kept = Files.size(partial);
      assertThat(kept).as("bytes kept of the %d the proxy passed before the cut", cutAt).isBetween(cutAt / 2, cutAt);

      pullSuccessfully(name);

      List<Request> downloads = proxy.blobDownloads(pushed.layerDigest());
      assertThat(downloads).hasSize(2);
      assertThat(downloads.getFirst()).returns(null, Request::range).returns(true, Request::cut)
          .returns(cutAt, Request::bodyBytes);
      assertThat(downloads.getLast()).returns("bytes=" + kept + "-", Request::range).returns(206, Request::status)
          .returns(size - kept, Request::bodyBytes);
    }
    assertThat(HandmadeImages.sha256(storedBlob(pushed.layerDigest()))).isEqualTo(pushed.layerDigest());
    assertThat(partial).doesNotExist();
    assertThat(blobs.findById(pushed.layerDigest()).orElseThrow().diffId()).isEqualTo(pushed.layer().diffId());
  }

  @Test
  void startsOverWhenThePartialDownloadDoesNotMatchTheLayer() throws Exception {
    PushedImage pushed = pushRandomImage(REGISTRY.address(), "resume/stale", "v1", 2 * MiB, null);
    Path partial = content.ingest("pull-" + pushed.layerDigest().replace(':', '-'));
    Files.write(partial, randomBytes(MiB));
    String name = "resume/stale:v1";

    Pull spoiled = pull(name);

    assertThat(spoiled.last()).contains("\"error\"", "failed verification");
    assertThat(partial).doesNotExist();
    pullSuccessfully(name);
    assertThat(HandmadeImages.sha256(storedBlob(pushed.layerDigest()))).isEqualTo(pushed.layerDigest());
  }
}
