package dev.berth.oci;

/** Bytes that are not a manifest Berth accepts, with the reason. */
public class InvalidManifestException extends IllegalArgumentException {

  public InvalidManifestException(String message) {
    super(message);
  }

  public InvalidManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
