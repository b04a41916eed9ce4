package dev.berth.oci.client;

import java.util.List;

/**
 * The registry or its token server refused the request: no credentials, wrong credentials, or
 * credentials without the needed access (HTTP 401 or 403).
 */
public final class UnauthorizedException extends RegistryException {

  public UnauthorizedException(String message, int status, List<RegistryError> errors) {
    super(message, status, errors);
  }
}
