package dev.berth.engine.api;

import dev.berth.engine.container.ContainerEntity;
import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerStatus;
import java.time.Instant;

/**
 * A container as the native API shows it.
 *
 * @param id its ID
 * @param name its name
 * @param node the node it is on
 * @param image the image as it was given
 * @param imageId the image's ID (config digest)
 * @param state its state; {@code unknown} while its node is down
 * @param pid host PID of its main process while running
 * @param exitCode exit code of its last run
 * @param oomKilled whether its last run was OOM-killed
 * @param error why its last start failed
 * @param createdAt when it was created
 * @param startedAt when it last started
 * @param finishedAt when it last exited
 * @param restartCount restarts made by its restart policy
 * @param network its network while attached
 * @param spec what it was created with (the image as a manifest digest)
 */
public record ContainerView(String id, String name, String node, String image, String imageId, String state, int pid,
    Integer exitCode, boolean oomKilled, String error, Instant createdAt, Instant startedAt, Instant finishedAt,
    int restartCount, ContainerStatus.NetworkInfo network, ContainerSpec spec) {

  static ContainerView of(ContainerEntity container, boolean nodeUp) {
    return new ContainerView(container.id(), container.name(), container.node(), container.image(),
        container.imageId(), nodeUp ? container.state() : "unknown", container.pid(), container.exitCode(),
        container.oomKilled(), container.error(), container.createdAt(), container.startedAt(),
        container.finishedAt(), container.restartCount(), container.network(), container.spec());
  }
}
