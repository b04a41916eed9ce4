package dev.berth.node.snapshot;

/**
 * What can go wrong with snapshots and image layers, in containerd's error categories. The web
 * edge maps each to an HTTP status.
 */
public abstract sealed class SnapshotException extends RuntimeException
    permits SnapshotException.NotFound, SnapshotException.AlreadyExists, SnapshotException.FailedPrecondition,
    SnapshotException.InvalidContent, SnapshotException.Unavailable, LayerException {

  SnapshotException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No snapshot has the key. */
  public static final class NotFound extends SnapshotException {
    NotFound(String key) {
      super("snapshot " + key + ": not found", null);
    }
  }

  /** A snapshot with the key exists already. */
  public static final class AlreadyExists extends SnapshotException {
    AlreadyExists(String key) {
      super("snapshot " + key + ": already exists", null);
    }
  }

  /** The snapshot is not in a state that allows the operation (e.g. removing a parent). */
  public static final class FailedPrecondition extends SnapshotException {
    FailedPrecondition(String message) {
      super(message, null);
    }
  }

  /** A manifest or config from image-service is not what it claims or not usable here. */
  public static final class InvalidContent extends SnapshotException {
    InvalidContent(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** image-service could not be reached or did not serve the content. */
  public static final class Unavailable extends SnapshotException {
    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
