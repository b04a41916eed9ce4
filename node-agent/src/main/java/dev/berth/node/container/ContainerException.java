package dev.berth.node.container;

/** A container request the agent refuses; the subtype says which HTTP status fits. */
public abstract sealed class ContainerException extends RuntimeException {

  ContainerException(String message) {
    super(message);
  }

  ContainerException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No such container (404). */
  public static final class NotFound extends ContainerException {
    /** {@code No such container: <id>}, {@code No such exec instance: <id>}, as Docker says it. */
    public NotFound(String what, String id) {
      super("No such " + what + ": " + id);
    }
  }

  /** The container's state forbids the request (409). */
  public static final class Conflict extends ContainerException {
    public Conflict(String message) {
      super(message);
    }
  }

  /** The request is malformed (400). */
  public static final class InvalidArgument extends ContainerException {
    public InvalidArgument(String message) {
      super(message);
    }
  }

  /** The container already is in the requested state (304 in Docker's API). */
  public static final class NotModified extends ContainerException {
    public NotModified(String message) {
      super(message);
    }
  }

  /** The host failed to do what was asked (500): mount, runtime, network. */
  public static final class Failed extends ContainerException {
    public Failed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
