package dev.berth.oci.client;

import java.util.List;

/**
 * Content did not match what was asked for or announced: a digest mismatch, a manifest over the
 * size cap, a range the registry answered for the wrong offset.
 */
public final class ContentVerificationException extends RegistryException {

  public ContentVerificationException(String message) {
    super(message, 0, List.of());
  }
}
