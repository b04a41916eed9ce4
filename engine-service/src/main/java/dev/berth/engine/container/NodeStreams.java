package dev.berth.engine.container;

import dev.berth.engine.node.NodeEntity;
import dev.berth.engine.node.Nodes;
import dev.berth.oci.OciJson;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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
 * Streamed calls to node agents — followed logs, streamed stats, waits — which the typed client
 * cannot carry: no read timeout, and the body handed over as it arrives; and connections taken over
 * with {@code Upgrade: tcp} (attach, exec start), which carry stdin one way and output the other.
 * The agent's refusals become engine exceptions with its own message, as {@link NodeCalls} makes them.
 */
@Component
class NodeStreams {

  private final Nodes nodes;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** How long an agent may take to answer an upgrade; the upgraded connection itself has no timeout. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(CONNECT_TIMEOUT).build();

  NodeStreams(Nodes nodes) {
    this.nodes = nodes;
  }

  /** Opens {@code method path} (with its query built by {@code uri}) on {@code node}; the caller closes the body. */
  InputStream open(String node, String method, UriComponentsBuilder uri) throws InterruptedException {
    URI address = URI.create(target(node).address() + uri.build().encode().toUriString());
    HttpRequest request = HttpRequest.newBuilder(address).method(method, HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw unreachable(node, e);
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
    throw refusal(node, response.statusCode(), detail);
  }

  /**
   * Sends {@code POST path} (with its query built by {@code uri}) to {@code node} asking for
   * {@code Upgrade: tcp}, and returns the connection once the agent answered 101.
   */
  NodeConnection upgrade(String node, UriComponentsBuilder uri) {
    URI address = URI.create(target(node).address());
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(address.getHost(), address.getPort()), (int) CONNECT_TIMEOUT.toMillis());
      socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + uri.build().encode().toUriString() + " HTTP/1.1\r\nHost: " + address.getAuthority()
          + "\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      UpgradeAnswer answer = UpgradeAnswer.read(in);
      if (answer.status() == 101) {
        socket.setSoTimeout(0);
        return new NodeConnection(socket, in);
      }
      String detail = detail(answer.body(in));
      socket.close();
      throw refusal(node, answer.status(), detail.isBlank() ? "status " + answer.status() : detail);
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw unreachable(node, e);
    }
  }

  private NodeEntity target(String node) {
    return nodes.find(node)
        .orElseThrow(() -> new EngineException.Failed("node " + node + " is not registered", true, null));
  }

  private static EngineException unreachable(String node, IOException e) {
    return new EngineException.Failed("node " + node + " cannot be reached: " + e.getMessage(), true, e);
  }

  private static EngineException refusal(String node, int status, String detail) {
    return switch (status) {
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
