package dev.berth.engine.node;

/** No node can take a container. */
public class NoNodeException extends RuntimeException {

  public NoNodeException(String message) {
    super(message);
  }
}
