package dev.berth.engine.container;

import dev.berth.engine.node.NodeEntity;
import dev.berth.engine.node.Nodes;
import dev.berth.oci.OciJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Streamed calls to node agents — followed logs, streamed stats, exec output, waits — which the
 * typed client cannot carry: no read timeout, and the body handed over as it arrives. The agent's
 * refusals become engine exceptions with its own message, as {@link NodeCalls} makes them.
 */
@Component
class NodeStreams {

  private final Nodes nodes;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  NodeStreams(Nodes nodes) {
    this.nodes = nodes;
  }

  /** Opens {@code method path} (with its query built by {@code uri}) on {@code node}; the caller closes the body. */
  InputStream open(String node, String method, UriComponentsBuilder uri) throws InterruptedException {
    NodeEntity target = nodes.find(node)
        .orElseThrow(() -> new EngineException.Failed("node " + node + " is not registered", true, null));
    URI address = URI.create(target.address() + uri.build().encode().toUriString());
    HttpRequest request = HttpRequest.newBuilder(address).method(method, HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new EngineException.Failed("node " + node + " cannot be reached: " + e.getMessage(), true, e);
    }
    if (response.statusCode() < 300) {
      return response.body();
    }
    String detail;
    try (InputStream body = response.body()) {
      detail = detail(new String(body.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      detail = "status " + response.statusCode();
    }
    throw switch (response.statusCode()) {
      case 304 -> new EngineException.NotModified(detail);
      case 404 -> new EngineException.NotFound(detail);
      case 409 -> new EngineException.Conflict(detail);
      case 400 -> new EngineException.InvalidArgument(detail);
      default -> new EngineException.Failed("node " + node + ": " + detail, false, null);
    };
  }

  private static String detail(String body) {
    try {
      JsonNode problem = OciJson.mapper().readTree(body);
      String detail = problem.path("detail").asString("");
      return detail.isEmpty() ? body : detail;
    } catch (JacksonException e) {
      return body;
    }
  }
}
