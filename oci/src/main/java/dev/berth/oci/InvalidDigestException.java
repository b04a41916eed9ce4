package dev.berth.oci;

/** A string that is not a digest Berth can verify. */
public class InvalidDigestException extends IllegalArgumentException {

  private final String value;

  public InvalidDigestException(String value, String reason) {
    super("invalid digest \"" + value + "\": " + reason);
    this.value = value;
  }

  /** The rejected input. */
  public String value() {
    return value;
  }
}
