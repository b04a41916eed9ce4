package dev.berth.node.network;

import java.io.IOException;

/** A CNI plugin failed; the message names the plugin, the command, the container and the plugin's own error. */
public class CniException extends IOException {

  /** Creates the exception with its full message. */
  public CniException(String message) {
    super(message);
  }
}
