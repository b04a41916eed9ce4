package dev.berth.image.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testsupport.HandmadeImages;
import dev.berth.testsupport.RegistryProxy;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The same image pulled twice at the same time: both pulls succeed and each blob is fetched and stored once. */
class ConcurrentPullIT extends AbstractPullIT {

  @Test
  void pullsTheSameImageTwiceConcurrentlyFetchingEachBlobOnce() throws Exception {
    PushedImage pushed = pushRandomImage(REGISTRY.address(), "concurrent/app", "v1", 6 << 20, null);
    try (RegistryProxy proxy = RegistryProxy.start(REGISTRY.address())) {
      String name = proxy.address() + "/concurrent/app:v1";

      List<Pull> pulls;
      try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<Pull>> futures = List.of(executor.submit(() -> pull(name)), executor.submit(() -> pull(name)));
        pulls = List.of(futures.get(0).get(), futures.get(1).get());
      }

      assertThat(pulls).allSatisfy(pull -> assertThat(pull.succeeded()).as(pull.body()).isTrue());
      assertThat(proxy.blobDownloads(pushed.layerDigest())).hasSize(1);
      assertThat(inspect(name).get("id").asString()).isEqualTo(pushed.config().digest());
    }
    assertThat(isStored(pushed.layerDigest())).isTrue();
    assertThat(HandmadeImages.sha256(storedBlob(pushed.layerDigest()))).isEqualTo(pushed.layerDigest());
    assertThat(images.findLayers(pushed.config().digest())).hasSize(1);
  }
}
