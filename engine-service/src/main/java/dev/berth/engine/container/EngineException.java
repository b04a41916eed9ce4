package dev.berth.engine.container;

/** A container request engine-service refuses or cannot carry out; the subtype says which status fits. */
public abstract sealed class EngineException extends RuntimeException {

  EngineException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No such container, image or node (404). */
  public static final class NotFound extends EngineException {
    public NotFound(String message) {
      super(message, null);
    }
  }

  /** The container's state or name forbids the request (409). */
  public static final class Conflict extends EngineException {
    public Conflict(String message) {
      super(message, null);
    }
  }

  /** The request is malformed (400). */
  public static final class InvalidArgument extends EngineException {
    public InvalidArgument(String message) {
      super(message, null);
    }
  }

  /** Nothing to do: the container already is in the requested state (304). */
  public static final class NotModified extends EngineException {
    public NotModified(String message) {
      super(message, null);
    }
  }

  /** A node agent or image-service failed or could not be reached (500, 503 when the node is down). */
  public static final class Failed extends EngineException {
    private final boolean unavailable;

    public Failed(String message, boolean unavailable, Throwable cause) {
      super(message, cause);
      this.unavailable = unavailable;
    }

    public boolean unavailable() {
      return unavailable;
    }
  }
}
