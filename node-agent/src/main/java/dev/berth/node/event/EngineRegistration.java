package dev.berth.node.event;

import dev.berth.node.NodeAgentProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces this node to engine-service ({@code berth.node.engine}) once the agent serves: its name
 * and the address its API is reached at, retried with a backoff until engine-service accepts it.
 */
@Component
class EngineRegistration {

  private static final Logger log = LoggerFactory.getLogger(EngineRegistration.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final NodeAgentProperties properties;
  private final EventLog events;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  EngineRegistration(NodeAgentProperties properties, EventLog events) {
    this.properties = properties;
    this.events = events;
  }

  @EventListener
  void serving(WebServerInitializedEvent event) {
    if (properties.engine() == null || properties.engine().toString().isBlank()) {
      return;
    }
    URI address = properties.advertiseAddress() != null ? properties.advertiseAddress()
        : URI.create("http://127.0.0.1:" + event.getWebServer().getPort());
    Thread.ofVirtual().name("engine-registration").start(() -> register(address));
  }

  private void register(URI address) {
    URI nodes = URI.create(properties.engine().toString().replaceAll("/+$", "") + "/api/v1/nodes");
    byte[] body = JsonMapper.builder().build().writeValueAsBytes(Map.of("name", events.node(),
        "address", address.toString()));
    Duration backoff = Duration.ofSeconds(1);
    try {
      while (true) {
        try {
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(nodes)
              .timeout(properties.requestTimeout())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() / 100 == 2) {
            log.info("Registered as node {} ({}) with engine-service at {}", events.node(), address,
                properties.engine());
            return;
          }
          log.warn("engine-service at {} refused the registration ({}): {}", nodes, response.statusCode(),
              response.body());
        } catch (IOException e) {
          log.warn("engine-service at {} cannot be reached ({}); retrying", nodes, e.toString());
        }
        Thread.sleep(backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
