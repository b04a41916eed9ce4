package dev.berth.image;

import java.io.IOException;
import java.net.ConnectException;

/**
 * What image-service refuses or fails at, in containerd's categories; translated only at the edge
 * (problem+json on the native API, {@code {"message"}} on the Docker API).
 */
public abstract sealed class ImageException extends RuntimeException {

  protected ImageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No such image, tag, blob or registry content. */
  public static final class NotFound extends ImageException {
    public NotFound(String message) {
      super(message, null);
    }

    public NotFound(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Malformed names, references, archives or content that fails verification. */
  public static final class InvalidArgument extends ImageException {
    public InvalidArgument(String message) {
      super(message, null);
    }

    public InvalidArgument(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The request conflicts with the current state (an image in use, an ambiguous prefix). */
  public static final class Conflict extends ImageException {
    public Conflict(String message) {
      super(message, null);
    }
  }

  /** A registry refused our credentials. */
  public static final class Unauthorized extends ImageException {
    public Unauthorized(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A registry or the disk failed. */
  public static final class Unavailable extends ImageException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** {@code what} failed for an I/O reason, told even when the exception carries no message. */
  public static Unavailable unavailable(String what, IOException cause) {
    String reason = cause.getMessage() != null ? cause.getMessage()
        : cause instanceof ConnectException ? "connection refused" : cause.getClass().getSimpleName();
    return new Unavailable(what + ": " + reason, cause);
  }
}
