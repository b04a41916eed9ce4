package dev.berth.registry;

import static dev.berth.registry.TestContent.randomBytes;
import static dev.berth.registry.TestContent.repository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The service's own management endpoints: health, Prometheus metrics, the OpenAPI document. */
class ManagementEndpointsIT extends AbstractRegistryIT {

  @Test
  void reportsItselfUp() {
    HttpResponse<byte[]> health = registry.get("/actuator/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(text(health)).contains("\"status\":\"UP\"");
  }

  @Test
  void exportsBlobBytesServedAndRequestTimesToPrometheus() {
    String name = repository("metrics");
    Digest digest = registry.pushBlob(name, randomBytes(5000));
    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> scrape = registry.get("/actuator/prometheus");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(text(scrape))
        .containsPattern("berth_registry_blob_pull_bytes_total\\{application=\"registry-service\"[^}]*} [0-9.E]+")
        .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*}");
  }

  @Test
  void describesTheManagementApi() {
    HttpResponse<byte[]> docs = registry.get("/v3/api-docs");

    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(text(docs)).contains("/api/v1/gc", "/api/v1/gc/runs");
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
