package dev.berth.registry.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.AbstractRegistryIT;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ApiVersionIT extends AbstractRegistryIT {

  @Test
  void answersVersionCheckWithEmptyObjectAndApiVersion() {
    HttpResponse<byte[]> response = registry.get("/v2/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body())).isEqualTo("{}");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(response.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
  }

  @Test
  void answersVersionCheckWithoutTrailingSlash() {
    HttpResponse<byte[]> response = registry.get("/v2");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
  }

  @Test
  void sendsApiVersionOnErrorResponses() {
    assertError(registry.get("/v2/nothing-here/manifests/latest"), 404, "MANIFEST_UNKNOWN");
    assertError(registry.get("/v2/Not-Valid/tags/list"), 400, "NAME_INVALID");

    HttpResponse<byte[]> head = registry.head("/v2/nothing-here/manifests/latest");
    assertThat(head.statusCode()).isEqualTo(404);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
  }

  @Test
  void answersUnsupportedMethodWithUnsupportedCode() {
    assertError(registry.post("/v2/some/repo/tags/list", new byte[0]), 405, "UNSUPPORTED");
  }

  @Test
  void answersUnknownDistributionPathWithOciErrorEnvelope() {
    HttpResponse<byte[]> response = registry.get("/v2/some/repo/nonsense");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(new String(response.body())).contains("\"errors\"");
    assertThat(response.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
  }
}
