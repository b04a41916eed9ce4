package dev.berth.engine.container;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerStatus;
import java.time.Instant;

/** Container records for tests of the API adapters, made the way {@link Containers} makes them. */
public final class TestContainers {

  private TestContainers() {
  }

  /**
   * A record of {@code spec} (created through the Docker API with {@code dockerConfig} when not null)
   * in the state {@code status} reports, or {@code creating} when it is null.
   */
  public static ContainerEntity record(ContainerSpec spec, String image, String imageId, Instant createdAt,
      String dockerConfig, ContainerStatus status) {
    ContainerEntity record = new ContainerEntity(spec, "n1", image, imageId, createdAt);
    record.dockerConfig(dockerConfig);
    if (status != null) {
      record.apply(status);
    }
    return record;
  }
}
