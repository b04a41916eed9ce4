package dev.berth.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every service behind the gateway is down: each protocol's clients get an error they can read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnavailableServicesIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    String nobody = "http://127.0.0.1:" + closedPort();
    registry.add("berth.gateway.services.engine", () -> nobody);
    registry.add("berth.gateway.services.image", () -> nobody);
    registry.add("berth.gateway.services.registry", () -> nobody);
  }

  @Test
  void answersDockerClientsWithAMessage() throws Exception {
    HttpResponse<String> response = get("/v1.44/containers/json");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).startsWith("{\"message\":\"engine-service is unavailable: ");
  }

  @Test
  void answersRegistryClientsWithTheDistributionSpecsErrors() throws Exception {
    HttpResponse<String> response = get("/v2/library/busybox/manifests/latest");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).startsWith("{\"errors\":[{").contains("\"code\":\"UNAVAILABLE\"")
        .contains("\"message\":\"registry-service is unavailable: ");
  }

  @Test
  void answersTheNativeApiWithProblemDetails() throws Exception {
    HttpResponse<String> response = get("/api/v1/images");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"status\":503", "\"title\":\"Service Unavailable\"",
        "\"detail\":\"image-service is unavailable: ", "\"instance\":\"/api/v1/images\"");
  }

  @Test
  void answersAHijackThatCannotReachEngineServiceWithAMessage() throws Exception {
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
      client.getOutputStream().write(("POST /v1.44/containers/c1/attach?stream=1&stdout=1 HTTP/1.1\r\nHost: gateway\r\n"
          + "Connection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String response = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 503 Service Unavailable\r\n")
          .contains("Content-Type: application/json\r\n")
          .contains("{\"message\":\"engine-service is unavailable: ");
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
