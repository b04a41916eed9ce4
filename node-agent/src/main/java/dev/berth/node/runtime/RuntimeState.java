package dev.berth.node.runtime;

/**
 * A container's state as the runtime reports it ({@code runc state}).
 *
 * @param id the container ID
 * @param status {@code creating}, {@code created}, {@code running}, {@code paused} or {@code stopped}
 * @param pid its init process on the host, 0 when stopped
 */
public record RuntimeState(String id, String status, int pid) {

  public boolean alive() {
    return status.equals("created") || status.equals("running") || status.equals("paused");
  }
}
