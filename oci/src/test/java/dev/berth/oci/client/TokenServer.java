package dev.berth.oci.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.berth.oci.OciJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A token server of the <a href="https://distribution.github.io/distribution/spec/auth/token/">token
 * authentication spec</a> for integration tests: checks Basic credentials, issues RS256 JWTs with
 * the signing certificate in {@code x5c} (key pair and self-signed certificate made by
 * {@code keytool}), granting each user the requested actions it is allowed, anonymous callers none.
 */
final class TokenServer implements AutoCloseable {

  static final String SERVICE = "berth-test-registry";
  static final String ISSUER = "berth-test-token-server";
  private static final String STORE_PASSWORD = "changeit";

  /** One token request as received. */
  record TokenRequest(String user, String service, List<String> scopes) {
  }

  /** A user, its password and the actions it may be granted. */
  record User(String password, Set<String> actions) {
  }

  private final HttpServer server;
  private final Map<String, User> users;
  private final PrivateKey key;
  private final X509Certificate certificate;
  private final Path certificateBundle;
  private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
  private volatile boolean accessTokenOnly;

  TokenServer(Path dir, Map<String, User> users) throws Exception {
    this.users = Map.copyOf(users);
    Path store = dir.resolve("token.p12");
    this.certificateBundle = dir.resolve("token.pem");
    keytool("-genkeypair", "-alias", "token", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
        "-dname", "CN=" + ISSUER, "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
        "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", "token", "-keystore", store.toString(), "-storepass", STORE_PASSWORD,
        "-file", certificateBundle.toString());
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, STORE_PASSWORD.toCharArray());
    }
    this.key = (PrivateKey) keyStore.getKey("token", STORE_PASSWORD.toCharArray());
    this.certificate = (X509Certificate) keyStore.getCertificate("token");
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/token", this::handle);
    server.start();
  }

  /** The realm to configure in the registry. */
  String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  /** The PEM certificate to configure as the registry's {@code rootcertbundle}. */
  Path certificateBundle() {
    return certificateBundle;
  }

  /** The {@code auth:} body for a distribution config trusting this server. */
  String registryAuthConfig() {
    return """
            token:
              realm: %s
              service: %s
              issuer: %s
              rootcertbundle: %s
        """.formatted(realm(), SERVICE, ISSUER, certificateBundle);
  }

  List<TokenRequest> requests() {
    return List.copyOf(requests);
  }

  /** Whether to answer with {@code access_token} alone instead of both token fields. */
  void answerWithAccessTokenOnly(boolean only) {
    this.accessTokenOnly = only;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String service = null;
      List<String> scopes = new ArrayList<>();
      String query = exchange.getRequestURI().getRawQuery();
      for (String pair : query == null ? new String[0] : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (name.equals("service")) {
          service = value;
        } else if (name.equals("scope")) {
          scopes.addAll(List.of(value.split(" ")));
        }
      }
      String user = null;
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization != null && authorization.startsWith("Basic ")) {
        String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        user = pair.substring(0, pair.indexOf(':'));
        User known = users.get(user);
        if (known == null || !known.password().equals(pair.substring(pair.indexOf(':') + 1))) {
          requests.add(new TokenRequest(user, service, scopes));
          respond(exchange, 401, Map.of("details", "incorrect username or password"));
          return;
        }
      }
      requests.add(new TokenRequest(user, service, scopes));
      String token = sign(user, scopes);
      Map<String, Object> answer = new LinkedHashMap<>();
      if (!accessTokenOnly) {
        answer.put("token", token);
      }
      answer.put("access_token", token);
      answer.put("expires_in", 300);
      answer.put("issued_at", Instant.now().toString());
      respond(exchange, 200, answer);
    } catch (Exception e) {
      exchange.sendResponseHeaders(500, -1);
    }
  }

  private String sign(String user, List<String> scopes) throws Exception {
    Set<String> allowed = user == null ? Set.of() : users.get(user).actions();
    List<Map<String, Object>> access = new ArrayList<>();
    for (String scope : scopes) {
      Scope parsed = Scope.parse(scope);
      List<String> granted = parsed.actions().stream().filter(allowed::contains).toList();
      if (!granted.isEmpty()) {
        access.add(Map.of("type", parsed.resourceType(), "name", parsed.resourceName(), "actions", granted));
      }
    }
    long now = Instant.now().getEpochSecond();
    Map<String, Object> header = Map.of("typ", "JWT", "alg", "RS256",
        "x5c", List.of(Base64.getEncoder().encodeToString(certificate.getEncoded())));
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", user == null ? "" : user);
    claims.put("aud", SERVICE);
    claims.put("exp", now + 300);
    claims.put("nbf", now - 10);
    claims.put("iat", now);
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("access", access);
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String signingInput = url.encodeToString(OciJson.mapper().writeValueAsBytes(header)) + "."
        + url.encodeToString(OciJson.mapper().writeValueAsBytes(claims));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(key);
    rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + url.encodeToString(rs256.sign());
  }

  private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = OciJson.mapper().writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void keytool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed:\n" + output);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
