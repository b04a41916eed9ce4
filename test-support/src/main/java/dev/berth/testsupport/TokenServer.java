package dev.berth.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A token server of the <a href="https://distribution.github.io/distribution/spec/auth/token/">token
 * authentication spec</a> for a {@link DistributionRegistry} started with {@link #registryAuthConfig()}:
 * checks Basic credentials and issues RS256 JWTs with the signing certificate in {@code x5c} (key
 * pair and self-signed certificate made by {@code keytool}), granting each user the requested
 * actions it is allowed and anonymous callers none.
 */
public final class TokenServer implements AutoCloseable {

  public static final String SERVICE = "berth-test-registry";
  public static final String ISSUER = "berth-test-token-server";
  private static final String STORE_PASSWORD = "changeit";

  /**
   * One token request as received: the user (null when anonymous), the scopes asked for and the
   * {@code service} parameter.
   */
  public record TokenRequest(String user, List<String> scopes, String service) {
  }

  /** A user's password and the actions ({@code pull}, {@code push}) it may be granted. */
  public record User(String password, Set<String> actions) {
  }

  private final HttpServer server;
  private final Map<String, User> users;
  private final PrivateKey key;
  private final X509Certificate certificate;
  private final Path certificateBundle;
  private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
  private volatile boolean accessTokenOnly;

  private TokenServer(HttpServer server, Map<String, User> users, PrivateKey key, X509Certificate certificate,
      Path certificateBundle) {
    this.server = server;
    this.users = Map.copyOf(users);
    this.key = key;
    this.certificate = certificate;
    this.certificateBundle = certificateBundle;
  }

  /** Starts a token server on a free loopback port for {@code users}, its key pair made in a new temporary directory. */
  public static TokenServer start(Map<String, User> users) {
    try {
      Path dir = Files.createTempDirectory("berth-token-server");
      Path store = dir.resolve("token.p12");
      Path bundle = dir.resolve("token.pem");
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      Commands.run(keytool, "-genkeypair", "-alias", "token", "-keyalg", "RSA", "-keysize", "2048",
          "-sigalg", "SHA256withRSA", "-dname", "CN=" + ISSUER, "-validity", "2", "-keystore", store.toString(),
          "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
      Commands.run(keytool, "-exportcert", "-rfc", "-alias", "token", "-keystore", store.toString(),
          "-storepass", STORE_PASSWORD, "-file", bundle.toString());
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keyStore.load(in, STORE_PASSWORD.toCharArray());
      }
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      TokenServer tokens = new TokenServer(http, users,
          (PrivateKey) keyStore.getKey("token", STORE_PASSWORD.toCharArray()),
          (X509Certificate) keyStore.getCertificate("token"), bundle);
      http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      http.createContext("/token", tokens::handle);
      http.start();
      return tokens;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot start the token server", e);
    }
  }

  /** The top-level {@code auth:} section of a distribution config that trusts this server. */
  public String registryAuthConfig() {
    return """
        auth:
          token:
            realm: http://127.0.0.1:%d/token
            service: %s
            issuer: %s
            rootcertbundle: %s
        """.formatted(server.getAddress().getPort(), SERVICE, ISSUER, certificateBundle);
  }

  /** The requests received so far, oldest first. */
  public List<TokenRequest> requests() {
    return List.copyOf(requests);
  }

  /** Whether to answer with {@code access_token} alone (the OAuth 2 field) instead of both token fields. */
  public void answerWithAccessTokenOnly(boolean only) {
    this.accessTokenOnly = only;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      List<String> scopes = new ArrayList<>();
      String service = null;
      String query = exchange.getRequestURI().getRawQuery();
      for (String pair : query == null ? new String[0] : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq > 0 ? pair.substring(0, eq) : "";
        if (name.equals("scope")) {
          scopes.addAll(List.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).split(" ")));
        } else if (name.equals("service")) {
          service = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      String user = null;
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization != null && authorization.startsWith("Basic ")) {
        String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        user = pair.substring(0, pair.indexOf(':'));
        User known = users.get(user);
        requests.add(new TokenRequest(user, scopes, service));
        if (known == null || !known.password().equals(pair.substring(pair.indexOf(':') + 1))) {
          respond(exchange, 401, "{\"details\":\"incorrect username or password\"}");
          return;
        }
      } else {
        requests.add(new TokenRequest(null, scopes, service));
      }
      String token = sign(user, scopes);
      String fields = (accessTokenOnly ? "" : "\"token\":\"%1$s\",") + "\"access_token\":\"%1$s\"";
      respond(exchange, 200, ("{" + fields + ",\"expires_in\":300,\"issued_at\":\"%2$s\"}")
          .formatted(token, Instant.now()));
    } catch (GeneralSecurityException e) {
      exchange.sendResponseHeaders(500, -1);
    }
  }

  /** A JWT granting {@code user} the actions of {@code scopes} ({@code type:name:actions}) it is allowed. */
  private String sign(String user, List<String> scopes) throws GeneralSecurityException {
    Set<String> allowed = user == null ? Set.of() : users.get(user).actions();
    List<String> access = new ArrayList<>();
    for (String scope : scopes) {
      int first = scope.indexOf(':');
      int last = scope.lastIndexOf(':');
      if (first <= 0 || last == first) {
        continue;
      }
      String granted = List.of(scope.substring(last + 1).split(",")).stream().filter(allowed::contains)
          .map(action -> "\"" + action + "\"").collect(Collectors.joining(","));
      if (!granted.isEmpty()) {
        access.add("{\"type\":\"%s\",\"name\":\"%s\",\"actions\":[%s]}"
            .formatted(scope.substring(0, first), scope.substring(first + 1, last), granted));
      }
    }
    long now = Instant.now().getEpochSecond();
    String header = "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"x5c\":[\"%s\"]}"
        .formatted(Base64.getEncoder().encodeToString(certificate.getEncoded()));
    String claims = ("{\"iss\":\"%s\",\"sub\":\"%s\",\"aud\":\"%s\",\"exp\":%d,\"nbf\":%d,\"iat\":%d,\"jti\":\"%s\","
        + "\"access\":[%s]}").formatted(ISSUER, user == null ? "" : user, SERVICE, now + 300, now - 10, now,
        UUID.randomUUID(), String.join(",", access));
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String signingInput = url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(key);
    rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + url.encodeToString(rs256.sign());
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
