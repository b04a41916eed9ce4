package dev.berth.registry.distribution;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Query parameters read from the query string alone. {@code HttpServletRequest#getParameter}
 * would consume a form-encoded body, and upload bodies must reach the ingest untouched whatever
 * {@code Content-Type} a client sends.
 */
public final class QueryParameters {

  private QueryParameters() {
  }

  /** The first value of each parameter in the request's query string. */
  public static Map<String, String> of(HttpServletRequest request) {
    Map<String, String> parameters = new HashMap<>();
    String query = request.getQueryString();
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      parameters.putIfAbsent(key, value);
    }
    return parameters;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }
}
