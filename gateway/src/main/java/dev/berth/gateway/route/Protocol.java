package dev.berth.gateway.route;

import java.util.regex.Pattern;

/**
 * The API a request path belongs to, which decides the format of the errors the gateway itself
 * answers with: Docker's {@code {"message"}}, OCI's {@code {"errors":[...]}} or RFC 9457 problem
 * details.
 */
public enum Protocol {

  /** The OCI distribution API, {@code /v2} and below. */
  OCI,
  /** Berth's native API and the gateway's own endpoints (actuator, Swagger UI, API docs). */
  NATIVE,
  /** Everything else is the Docker Engine API, whose clients send arbitrary paths. */
  DOCKER;

  private static final Pattern OCI_PATH = Pattern.compile("/v2(/.*)?");
  private static final Pattern NATIVE_PATH =
      Pattern.compile("/(api|actuator|v3/api-docs|swagger-ui|webjars)([/.].*)?");

  /** The protocol of a raw request path. */
  public static Protocol of(String path) {
    if (OCI_PATH.matcher(path).matches()) {
      return OCI;
    }
    return NATIVE_PATH.matcher(path).matches() ? NATIVE : DOCKER;
  }
}
