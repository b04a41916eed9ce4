package dev.berth.node.it;

import com.sun.net.httpserver.HttpServer;
import dev.berth.node.api.NodeEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiving end of an agent's event reports (engine-service's part later): refuses the first
 * report with 503, so that the agent has to retry, then records what it receives.
 */
final class EventSink implements BeforeAllCallback, AfterAllCallback {

  private final List<NodeEvent> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/events", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (requests.incrementAndGet() == 1) {
        exchange.sendResponseHeaders(503, -1);
      } else {
        received.addAll(JsonMapper.builder().build().readValue(body, new TypeReference<List<NodeEvent>>() { }));
        exchange.sendResponseHeaders(204, -1);
      }
      exchange.close();
    });
    server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.stop(0);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
  }

  List<NodeEvent> received() {
    return received;
  }

  int requests() {
    return requests.get();
  }
}
