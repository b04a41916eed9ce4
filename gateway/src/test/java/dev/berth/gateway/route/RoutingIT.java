package dev.berth.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.gateway.FakeServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingIT {

  private static final FakeServices services = new FakeServices();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    services.register(registry);
  }

  @AfterAll
  static void stop() {
    services.close();
  }

  @Test
  void sendsDockerSystemAndContainerPathsToEngineServiceWithTheirVersionPrefix() throws Exception {
    assertThat(get("/v1.44/containers/json?all=1").body()).isEqualTo("engine /v1.44/containers/json");
    assertThat(services.engine().last().rawPathAndQuery()).isEqualTo("/v1.44/containers/json?all=1");
    assertThat(get("/containers/abc/logs").body()).isEqualTo("engine /containers/abc/logs");
    assertThat(get("/v1.32/exec/e1/json").body()).isEqualTo("engine /v1.32/exec/e1/json");
    assertThat(get("/events").body()).isEqualTo("engine /events");
    assertThat(get("/v1.41/info").body()).isEqualTo("engine /v1.41/info");
    assertThat(get("/version").body()).isEqualTo("engine /version");
    assertThat(get("/system/df").body()).isEqualTo("engine /system/df");
    assertThat(get("/_ping").body()).isEqualTo("engine /_ping");
    HttpResponse<String> head = send(HttpRequest.newBuilder(uri("/_ping")).HEAD().build());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(services.engine().last().method()).isEqualTo("HEAD");
  }

  @Test
  void sendsDockerImagePathsToImageServiceWithEscapedSlashesAsSent() throws Exception {
    assertThat(get("/v1.32/images/127.0.0.1:5000%2Ftcpull:1/json").body())
        .isEqualTo("image /v1.32/images/127.0.0.1:5000%2Ftcpull:1/json");
    assertThat(services.image().last().rawPathAndQuery()).isEqualTo("/v1.32/images/127.0.0.1:5000%2Ftcpull:1/json");
    assertThat(get("/v1.44/images/127.0.0.1:5000/bb:v1/json").body())
        .isEqualTo("image /v1.44/images/127.0.0.1:5000/bb:v1/json");
    assertThat(post("/build").body()).isEqualTo("image /build");
    assertThat(post("/v1.44/auth").body()).isEqualTo("image /v1.44/auth");
    assertThat(post("/commit").body()).isEqualTo("image /commit");
    assertThat(get("/distribution/busybox/json").body()).isEqualTo("image /distribution/busybox/json");
  }

  @Test
  void sendsNativeApiPathsToTheirServices() throws Exception {
    assertThat(get("/api/v1/containers").body()).isEqualTo("engine /api/v1/containers");
    assertThat(get("/api/v1/nodes/n1").body()).isEqualTo("engine /api/v1/nodes/n1");
    assertThat(get("/api/v1/events").body()).isEqualTo("engine /api/v1/events");
    assertThat(get("/api/v1/images/library/busybox:latest").body()).isEqualTo("image /api/v1/images/library/busybox:latest");
    assertThat(get("/api/v1/builds/b1").body()).isEqualTo("image /api/v1/builds/b1");
    assertThat(get("/api/v1/gc/runs").body()).isEqualTo("registry /api/v1/gc/runs");
    assertThat(get("/v2/").body()).isEqualTo("registry /v2/");
    assertThat(get("/v2/library/busybox/manifests/latest").body()).isEqualTo("registry /v2/library/busybox/manifests/latest");
  }

  @Test
  void answersUnknownDockerPathsAsDockerdDoes() throws Exception {
    HttpResponse<String> response = get("/v1.44/plugins/x/json");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{\"message\":\"page not found\"}");
  }

  @Test
  void servesEachServicesOpenApiDocumentUnderItsName() throws Exception {
    assertThat(get("/v3/api-docs/engine-service").body()).isEqualTo("engine /v3/api-docs");
    assertThat(get("/v3/api-docs/image-service").body()).isEqualTo("image /v3/api-docs");
    assertThat(get("/v3/api-docs/registry-service").body()).isEqualTo("registry /v3/api-docs");
    assertThat(get("/v3/api-docs/swagger-config").body())
        .contains("/v3/api-docs/engine-service", "/v3/api-docs/image-service", "/v3/api-docs/registry-service");
    HttpResponse<String> ui = send(HttpRequest.newBuilder(uri("/swagger-ui.html")).build());
    assertThat(ui.statusCode()).isEqualTo(302);
    assertThat(send(HttpRequest.newBuilder(uri(ui.headers().firstValue("Location").orElseThrow())).build()).body())
        .contains("swagger-ui");
  }

  @Test
  void measuresLatencyPerRoute() throws Exception {
    get("/version");

    String metrics = get("/actuator/prometheus").body();

    assertThat(metrics).containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"docker-engine\"");
    assertThat(metrics).doesNotContain("path=\"/version\"");
    assertThat(get("/actuator/health").body()).contains("\"UP\"");
  }

  @Test
  void keepsASaneRequestIdAndPassesItOnBothWays() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/version"))
        .header("X-Request-Id", "cli-1.2_3").build());

    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("cli-1.2_3");
    assertThat(services.engine().last().headers().get("X-request-id")).containsExactly("cli-1.2_3");
  }

  @Test
  void replacesARequestIdThatIsTooLongOrHasOtherCharacters() throws Exception {
    HttpResponse<String> tooLong = send(HttpRequest.newBuilder(uri("/info")).header("X-Request-Id", "a".repeat(65)).build());
    String forwarded = services.engine().last().headers().get("X-request-id").getFirst();
    HttpResponse<String> odd = send(HttpRequest.newBuilder(uri("/info")).header("X-Request-Id", "a b;c").build());

    assertThat(tooLong.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id)
        .matches("[0-9a-f-]{36}").isEqualTo(forwarded));
    assertThat(odd.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    assertThat(get("/no/such/docker/path").headers().firstValue("X-Request-Id")).isPresent();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).build());
  }

  private HttpResponse<String> post(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : "http://127.0.0.1:" + port + path);
  }
}
