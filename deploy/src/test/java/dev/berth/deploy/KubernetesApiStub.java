package dev.berth.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few Kubernetes API answers the chart's {@code lookup} needs, on loopback: discovery of core/v1 and GET of
 * Secrets this stub holds (404 for others), so that rendering sees either a first install or an upgrade. helm-java
 * renders with a cluster connection, which it takes from {@code $KUBECONFIG}: surefire points that at the file
 * {@link #writeKubeconfig} writes.
 */
final class KubernetesApiStub implements AutoCloseable {

  private static final String CORE_RESOURCES = """
      {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
       {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]},
       {"name":"configmaps","singularName":"configmap","namespaced":true,"kind":"ConfigMap","verbs":["get","list"]}]}""";
  private static final String NOT_FOUND = """
      {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,"message":"not found"}""";

  private final HttpServer server;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();

  KubernetesApiStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  /** Writes a kubeconfig naming this stub as the cluster to {@code file}. */
  void writeKubeconfig(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters: [{name: stub, cluster: {server: "http://127.0.0.1:%d"}}]
        users: [{name: stub, user: {token: stub}}]
        contexts: [{name: stub, context: {cluster: stub, user: stub, namespace: berth}}]
        current-context: stub
        """.formatted(server.getAddress().getPort()));
  }

  /** From now on, GET of Secret {@code name} in {@code namespace} answers {@code json}. */
  void putSecret(String namespace, String name, String json) {
    secrets.put("/api/v1/namespaces/" + namespace + "/secrets/" + name, json);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body;
    int status = 200;
    if (path.equals("/api/v1")) {
      body = CORE_RESOURCES;
    } else if (path.equals("/version")) {
      body = "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0\"}";
    } else if (secrets.containsKey(path)) {
      body = secrets.get(path);
    } else {
      status = 404;
      body = NOT_FOUND;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
