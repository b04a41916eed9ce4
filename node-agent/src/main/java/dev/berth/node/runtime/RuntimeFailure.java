package dev.berth.node.runtime;

import java.io.IOException;

/** The OCI runtime or conmon refused an operation; the message is theirs. */
public class RuntimeFailure extends IOException {

  public RuntimeFailure(String message) {
    super(message);
  }
}
