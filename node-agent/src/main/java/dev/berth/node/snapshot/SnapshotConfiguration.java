package dev.berth.node.snapshot;

import dev.berth.node.NodeAgentProperties;
import dev.berth.platform.BerthProperties;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The snapshot beans: snapshots under {@code <berth.data-dir>/snapshots}, layers from image-service. */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

  @Bean
  OverlaySnapshotter overlaySnapshotter(BerthProperties berth) throws IOException {
    return new OverlaySnapshotter(berth.dataDir().resolve("snapshots"), Clock.systemUTC());
  }

  @Bean
  ImageLayers imageLayers(Snapshotter snapshotter, NodeAgentProperties node, SnapshotProperties properties) {
    return new ImageLayers(snapshotter, node.imageService(), node.requestTimeout(), properties);
  }

  @Bean
  DiffWriter diffWriter(Snapshotter snapshotter) {
    return new DiffWriter(snapshotter);
  }

  @Bean
  DiffApplier diffApplier(Snapshotter snapshotter, SnapshotProperties properties) {
    return new DiffApplier(snapshotter, properties.maxEntrySize().toBytes());
  }

  @Bean
  SnapshotCollector snapshotCollector(Snapshotter snapshotter, SnapshotProperties properties) {
    return new SnapshotCollector(snapshotter, properties, Clock.systemUTC());
  }
}
