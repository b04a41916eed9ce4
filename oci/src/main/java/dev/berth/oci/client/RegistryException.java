package dev.berth.oci.client;

import java.io.IOException;
import java.util.List;

/**
 * A registry answered with an error, or with content the client refuses. The subclasses name the
 * cases callers act on; anything else (5xx, unexpected status, unsupported content) is a plain
 * {@code RegistryException} carrying the HTTP status and the spec's error entries when present.
 */
public sealed class RegistryException extends IOException
    permits UnauthorizedException, NotFoundException, ContentVerificationException {

  private final int status;
  private final List<RegistryError> errors;

  public RegistryException(String message, int status, List<RegistryError> errors) {
    this(message, status, errors, null);
  }

  public RegistryException(String message, int status, List<RegistryError> errors, Throwable cause) {
    super(message + describe(status, errors), cause);
    this.status = status;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** The HTTP status of the response, or 0 when the error is not a registry response. */
  public int status() {
    return status;
  }

  /** The entries of the response's {@code {"errors":[...]}} body; empty when it had none. */
  public List<RegistryError> errors() {
    return errors;
  }

  /** Whether one of the {@linkplain #errors() errors} has {@code code}. */
  public boolean hasCode(String code) {
    return errors.stream().anyMatch(e -> code.equals(e.code()));
  }

  private static String describe(int status, List<RegistryError> errors) {
    StringBuilder text = new StringBuilder();
    if (status > 0) {
      text.append(" (HTTP ").append(status);
      if (errors != null && !errors.isEmpty()) {
        text.append(", ").append(String.join("; ", errors.stream().map(RegistryError::toString).toList()));
      }
      text.append(')');
    }
    return text.toString();
  }
}
