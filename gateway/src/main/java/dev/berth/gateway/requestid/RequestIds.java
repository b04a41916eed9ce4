package dev.berth.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} header: which incoming ids are kept, and how new ones are made. */
public final class RequestIds {

  /** The header carrying the request id, to the services and back to the client. */
  public static final String HEADER = "X-Request-Id";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestIds() {
  }

  /** {@code incoming} when it is at most 64 characters of {@code [A-Za-z0-9._-]}, else a new random id. */
  public static String keepOrCreate(String incoming) {
    return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
  }
}
