package dev.berth.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A network peer standing in for a service behind the gateway: a JDK HTTP server on a loopback
 * port that records what it receives and answers with handlers the test installs per path prefix
 * ({@code 200 "<name> <raw path>"} unless told otherwise).
 */
public final class FakeService implements AutoCloseable {

  /** What the service received. */
  public record Received(String method, String rawPathAndQuery, Map<String, List<String>> headers) {
  }

  private final String name;
  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  FakeService(String name) {
    this.name = name;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    handle("/", exchange -> answer(exchange, 200, name + " " + exchange.getRequestURI().getRawPath()));
    server.start();
  }

  /** Answers requests under {@code prefix} with {@code handler}, after recording them. */
  public FakeService handle(String prefix, HttpHandler handler) {
    server.createContext(prefix, exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      received.add(new Received(exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
          Map.copyOf(exchange.getRequestHeaders())));
      try (exchange) {
        handler.handle(exchange);
      }
    });
    return this;
  }

  public static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public Received last() {
    return received.getLast();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  @Override
  public String toString() {
    return name;
  }
}
