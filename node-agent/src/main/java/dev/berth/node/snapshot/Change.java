package dev.berth.node.snapshot;

/**
 * One path a container changed in its root filesystem, as {@code docker diff} shows it.
 *
 * @param path the absolute path inside the container
 * @param kind what happened to it
 */
public record Change(String path, Kind kind) {

  /** Docker's change kinds, with the numbers its API uses. */
  public enum Kind {
    MODIFIED(0),
    ADDED(1),
    DELETED(2);

    private final int code;

    Kind(int code) {
      this.code = code;
    }

    /** The {@code Kind} number of Docker's {@code GET /containers/{id}/changes}. */
    public int code() {
      return code;
    }
  }
}
