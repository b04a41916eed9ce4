package dev.berth.oci;

/** A string that is not an image reference (name, tag or digest malformed), with the reason. */
public class InvalidReferenceException extends IllegalArgumentException {

  private final String value;

  public InvalidReferenceException(String value, String reason) {
    this(value, reason, null);
  }

  public InvalidReferenceException(String value, String reason, Throwable cause) {
    super("invalid reference \"" + value + "\": " + reason, cause);
    this.value = value;
  }

  /** The rejected input. */
  public String value() {
    return value;
  }
}
