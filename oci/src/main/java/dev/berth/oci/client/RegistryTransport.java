package dev.berth.oci.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sends one registry request: with the authorization learnt from earlier challenges, answering a
 * {@code 401} challenge once and retrying, following redirects of {@code GET} and {@code HEAD}
 * (blob downloads are often redirected to storage) without taking credentials to other hosts.
 * Responses are streamed; the caller owns their body.
 */
final class RegistryTransport {

  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final HttpClient http;
  private final Authenticator authenticator;
  private final Set<String> insecureRegistries;
  private final Duration timeout;
  private final String userAgent;

  RegistryTransport(HttpClient http, Authenticator authenticator, Set<String> insecureRegistries,
      Duration timeout, String userAgent) {
    this.http = http;
    this.authenticator = authenticator;
    this.insecureRegistries = Set.copyOf(insecureRegistries);
    this.timeout = timeout;
    this.userAgent = userAgent;
  }

  RegistryEndpoint endpoint(String registry) {
    return RegistryEndpoint.of(registry, insecureRegistries.contains(registry));
  }

  /**
   * One request to a registry.
   *
   * @param method  the HTTP method
   * @param uri     where to send it
   * @param scopes  the access it needs, for token authentication
   * @param headers header names and values, alternating
   * @param body    the body (re-sent on an authentication retry, so it must be replayable), or null
   */
  record Exchange(String method, URI uri, List<Scope> scopes, List<String> headers, BodyPublisher body) {

    Exchange {
      scopes = List.copyOf(scopes);
      headers = List.copyOf(headers);
    }

    static Exchange of(String method, URI uri, List<Scope> scopes) {
      return new Exchange(method, uri, scopes, List.of(), null);
    }

    Exchange header(String name, String value) {
      List<String> more = new ArrayList<>(headers);
      more.add(name);
      more.add(value);
      return new Exchange(method, uri, scopes, more, body);
    }

    Exchange body(BodyPublisher publisher) {
      return new Exchange(method, uri, scopes, headers, publisher);
    }

    boolean followsRedirects() {
      return method.equals("GET") || method.equals("HEAD");
    }

    @Override
    public String toString() {
      return method + " " + uri;
    }
  }

  /**
   * Sends {@code exchange} to {@code endpoint}'s registry.
   *
   * @throws UnauthorizedException when the registry still refuses after its challenge was answered,
   *     or there was nothing to answer it with
   */
  HttpResponse<InputStream> send(RegistryEndpoint endpoint, Exchange exchange)
      throws IOException, InterruptedException {
    String registry = endpoint.registry();
    String authorization = authenticator.known(registry, exchange.scopes()).orElse(null);
    HttpResponse<InputStream> response = sendFollowingRedirects(endpoint, exchange, authorization);
    if (response.statusCode() != 401) {
      return response;
    }
    List<Challenge> challenges = Challenge.parseAll(response.headers().allValues("WWW-Authenticate"));
    List<RegistryError> errors = errorsOf(response);
    Optional<String> answer = authenticator.answer(registry, exchange.scopes(), challenges);
    if (answer.isEmpty() || answer.get().equals(authorization) && authorization.startsWith("Basic ")) {
      throw new UnauthorizedException(exchange + ": " + unauthorizedReason(registry, exchange, challenges), 401,
          errors);
    }
    response = sendFollowingRedirects(endpoint, exchange, answer.get());
    if (response.statusCode() == 401) {
      List<Challenge> again = Challenge.parseAll(response.headers().allValues("WWW-Authenticate"));
      throw new UnauthorizedException(exchange + ": " + unauthorizedReason(registry, exchange, again), 401,
          errorsOf(response));
    }
    return response;
  }

  /** The exception for an unsuccessful {@code response} about {@code what}; reads and closes its body. */
  static RegistryException failure(String what, HttpResponse<InputStream> response) throws IOException {
    int status = response.statusCode();
    List<RegistryError> errors = errorsOf(response);
    return switch (status) {
      case 401, 403 -> new UnauthorizedException(what + ": access denied", status, errors);
      case 404 -> new NotFoundException(what + ": not found", status, errors);
      default -> new RegistryException(what + ": unexpected response", status, errors);
    };
  }

  /** Reads the start of the body as the spec's error envelope and closes it. */
  static List<RegistryError> errorsOf(HttpResponse<InputStream> response) throws IOException {
    try (InputStream body = response.body()) {
      return RegistryError.parse(body.readNBytes(MAX_ERROR_BODY));
    }
  }

  /** Closes the body of a response whose content does not matter. */
  static void discard(HttpResponse<InputStream> response) throws IOException {
    response.body().close();
  }

  private String unauthorizedReason(String registry, Exchange exchange, List<Challenge> challenges) {
    if (!authenticator.hasCredentials(registry)) {
      return "authentication required and there are no credentials for " + registry;
    }
    boolean insufficientScope = challenges.stream()
        .anyMatch(c -> "insufficient_scope".equals(c.parameters().get("error")));
    return insufficientScope
        ? "the credentials for " + registry + " do not grant " + Scope.merge(exchange.scopes())
        : "the credentials for " + registry + " were not accepted";
  }

  private HttpResponse<InputStream> sendFollowingRedirects(RegistryEndpoint endpoint, Exchange exchange,
      String authorization) throws IOException, InterruptedException {
    URI uri = exchange.uri();
    String method = exchange.method();
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri)
          .method(method, exchange.body() == null ? HttpRequest.BodyPublishers.noBody() : exchange.body())
          .header("User-Agent", userAgent);
      for (int i = 0; i < exchange.headers().size(); i += 2) {
        request.header(exchange.headers().get(i), exchange.headers().get(i + 1));
      }
      if (authorization != null && endpoint.serves(uri)) {
        request.header("Authorization", authorization);
      }
      if (exchange.body() == null) {
        request.timeout(timeout);
      }
      HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      Optional<String> location = response.headers().firstValue("Location");
      if (!exchange.followsRedirects() || !isRedirect(response.statusCode()) || location.isEmpty()) {
        return response;
      }
      discard(response);
      if (hop == MAX_REDIRECTS) {
        throw new RegistryException(exchange + ": more than " + MAX_REDIRECTS + " redirects", response.statusCode(),
            null);
      }
      uri = uri.resolve(URI.create(location.get().trim()));
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }
}
