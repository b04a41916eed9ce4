package dev.berth.node.network;

import java.io.IOException;

/** A published port could not be bound on the host, typically because another process holds it. */
public class PortUnavailableException extends IOException {

  /** Creates the exception with its full message and the bind failure behind it. */
  public PortUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
