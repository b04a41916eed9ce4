package dev.berth.node.api;

import java.time.Instant;
import java.util.List;

/**
 * A container as its node agent sees it.
 *
 * @param id the container ID
 * @param name its name
 * @param image the image manifest digest it was created from
 * @param state {@code created}, {@code running}, {@code paused}, {@code restarting}, {@code exited} or {@code dead}
 * @param pid host PID of its main process while running, else 0
 * @param exitCode exit code of the last run, null before the first exit
 * @param oomKilled whether the last run was killed for exceeding its memory limit
 * @param error why the last start failed, or null
 * @param createdAt when it was created
 * @param startedAt when it was last started, or null
 * @param finishedAt when it last exited, or null
 * @param restartCount how often the restart policy restarted it
 * @param network its network attachment while it has one, else null
 * @param spec what it was created with
 * @param revision how often the agent changed its record: a status with a higher revision is newer
 */
public record ContainerStatus(String id, String name, String image, String state, int pid, Integer exitCode,
    boolean oomKilled, String error, Instant createdAt, Instant startedAt, Instant finishedAt, int restartCount,
    NetworkInfo network, ContainerSpec spec, long revision) {

  /**
   * A container's network as the agent set it up.
   *
   * @param mode {@code bridge}, {@code host} or {@code none}
   * @param ipAddress its address on the bridge, or null
   * @param prefixLength the bridge subnet's prefix length
   * @param gateway the bridge's address
   * @param macAddress its interface's MAC address, or null
   * @param ports the published ports with the host ports actually bound
   */
  public record NetworkInfo(String mode, String ipAddress, int prefixLength, String gateway, String macAddress,
      List<PortBinding> ports) {
  }
}
