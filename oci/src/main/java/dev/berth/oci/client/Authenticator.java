package dev.berth.oci.client;

import dev.berth.oci.OciJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Answers registry challenges: a {@code Bearer} challenge with a token from its realm (the
 * <a href="https://distribution.github.io/distribution/spec/auth/token/">token authentication
 * spec</a>: {@code GET realm?service=..&scope=..&scope=..}, Basic credentials when the caller has
 * some, {@code token} or {@code access_token} in the answer, cached until {@code expires_in}); a
 * {@code Basic} challenge with the caller's credentials, which are then sent up front. Once a
 * registry has challenged with Bearer, tokens for new scopes (or to replace expired ones) are
 * fetched before the request is sent, as the Docker CLI does, so that a long chunked upload does
 * not send a chunk only to have it refused.
 */
final class Authenticator {

  /** What the token spec says to assume when {@code expires_in} is absent. */
  private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);
  private static final int MAX_TOKEN_RESPONSE = 1 << 20;

  private final HttpClient http;
  private final CredentialProvider credentials;
  private final TokenCache tokens;
  private final Duration timeout;
  private final String userAgent;
  private final Set<String> basicRegistries = ConcurrentHashMap.newKeySet();
  private final Map<String, Challenge> bearerChallenges = new ConcurrentHashMap<>();

  Authenticator(HttpClient http, CredentialProvider credentials, TokenCache tokens, Duration timeout,
      String userAgent) {
    this.http = http;
    this.credentials = credentials;
    this.tokens = tokens;
    this.timeout = timeout;
    this.userAgent = userAgent;
  }

  /**
   * The {@code Authorization} value to send up front, when a previous challenge of
   * {@code registry} taught us one: its Basic credentials, a cached token, or a token fetched now
   * from the realm it challenged with before.
   *
   * @throws UnauthorizedException when the token server refuses the credentials
   */
  Optional<String> known(String registry, List<Scope> scopes) throws IOException, InterruptedException {
    if (basicRegistries.contains(registry)) {
      return credentials.credentialsFor(registry).map(Credentials::basicAuthorization);
    }
    Optional<String> cached = tokens.get(registry, scopes);
    if (cached.isPresent()) {
      return cached.map(token -> "Bearer " + token);
    }
    Challenge bearer = bearerChallenges.get(registry);
    if (bearer == null || scopes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Bearer " + fetchToken(registry, scopes, bearer));
  }

  /**
   * The {@code Authorization} value answering {@code challenges} for a request needing
   * {@code scopes}, or empty when there is nothing to answer with (no credentials for Basic, no
   * scheme we speak).
   *
   * @throws UnauthorizedException when the token server refuses the credentials
   */
  Optional<String> answer(String registry, List<Scope> scopes, List<Challenge> challenges)
      throws IOException, InterruptedException {
    Optional<Challenge> bearer = challenges.stream().filter(Challenge::isBearer).findFirst();
    if (bearer.isPresent()) {
      Map<String, String> realmAndService = new HashMap<>(bearer.get().parameters());
      realmAndService.remove("scope");
      bearerChallenges.put(registry, new Challenge(bearer.get().scheme(), realmAndService));
      tokens.evict(registry, scopes);
      return Optional.of("Bearer " + fetchToken(registry, scopes, bearer.get()));
    }
    if (challenges.stream().anyMatch(Challenge::isBasic)) {
      Optional<Credentials> found = credentials.credentialsFor(registry);
      found.ifPresent(c -> basicRegistries.add(registry));
      return found.map(Credentials::basicAuthorization);
    }
    return Optional.empty();
  }

  /** Whether the caller has credentials for {@code registry}. */
  boolean hasCredentials(String registry) {
    return credentials.credentialsFor(registry).isPresent();
  }

  private String fetchToken(String registry, List<Scope> scopes, Challenge challenge)
      throws IOException, InterruptedException {
    URI realm = realmOf(challenge);
    List<Scope> wanted = new ArrayList<>(scopes);
    for (String scope : challenge.scopes()) {
      try {
        wanted.add(Scope.parse(scope));
      } catch (IllegalArgumentException e) {
        // a scope we cannot read is one we cannot ask for; the registry will say what is missing
      }
    }
    wanted = Scope.merge(wanted);
    HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri(realm, challenge.service(), wanted))
        .GET().timeout(timeout).header("Accept", "application/json").header("User-Agent", userAgent);
    Optional<Credentials> user = credentials.credentialsFor(registry);
    user.ifPresent(c -> request.header("Authorization", c.basicAuthorization()));
    HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_TOKEN_RESPONSE);
    }
    int status = response.statusCode();
    String asked = "token for " + wanted.stream().map(Scope::toString).toList() + " from " + realm;
    if (status == 401 || status == 403) {
      throw new UnauthorizedException(asked + " refused "
          + user.map(c -> "the credentials of \"" + c.username() + "\"").orElse("anonymous access"),
          status, RegistryError.parse(body));
    }
    if (status != 200) {
      throw new RegistryException(asked + " failed", status, RegistryError.parse(body));
    }
    JsonNode answer;
    try {
      answer = OciJson.mapper().readTree(body);
    } catch (JacksonException e) {
      throw new RegistryException(asked + ": answer is not JSON", status, null, e);
    }
    String token = text(answer, "token");
    if (token == null) {
      token = text(answer, "access_token");
    }
    if (token == null) {
      throw new RegistryException(asked + ": answer has neither token nor access_token", status, null);
    }
    JsonNode expiresIn = answer.get("expires_in");
    Duration lifetime = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
        ? Duration.ofSeconds(expiresIn.asLong()) : DEFAULT_TOKEN_LIFETIME;
    tokens.put(registry, scopes, token, lifetime);
    return token;
  }

  private static URI realmOf(Challenge challenge) throws RegistryException {
    String realm = challenge.realm();
    try {
      URI uri = realm == null ? null : URI.create(realm);
      if (uri != null && uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new RegistryException("Bearer challenge has no usable realm: " + realm, 401, null);
  }

  static URI tokenUri(URI realm, String service, List<Scope> scopes) {
    StringBuilder query = new StringBuilder();
    if (service != null) {
      query.append("service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
    }
    for (Scope scope : scopes) {
      query.append(query.isEmpty() ? "" : "&").append("scope=")
          .append(URLEncoder.encode(scope.toString(), StandardCharsets.UTF_8));
    }
    String base = realm.toString();
    if (query.isEmpty()) {
      return realm;
    }
    return URI.create(base + (realm.getRawQuery() == null ? "?" : "&") + query);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || !value.isString() || value.asString().isEmpty() ? null : value.asString();
  }
}
