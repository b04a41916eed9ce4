package dev.berth.oci.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryErrorTest {

  @Test
  void readsTheSpecErrorEnvelope() {
    List<RegistryError> errors = RegistryError.parse(bytes(
        "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{\"Tag\":\"latest\"}}]}"));

    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("MANIFEST_UNKNOWN");
      assertThat(e.message()).isEqualTo("manifest unknown");
      assertThat(e.detail().get("Tag").asString()).isEqualTo("latest");
      assertThat(e).hasToString("MANIFEST_UNKNOWN: manifest unknown");
    });
  }

  @Test
  void findsNoErrorsInOtherBodies() {
    assertThat(RegistryError.parse(bytes("<html>502 Bad Gateway</html>"))).isEmpty();
    assertThat(RegistryError.parse(bytes("{\"details\":\"incorrect username or password\"}"))).isEmpty();
    assertThat(RegistryError.parse(new byte[0])).isEmpty();
    assertThat(RegistryError.parse(null)).isEmpty();
  }

  @Test
  void namesStatusAndCodesInTheExceptionMessage() {
    RegistryException e = new NotFoundException("manifest r/x:1: not found", 404,
        RegistryError.parse(bytes("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}")));

    assertThat(e).hasMessage("manifest r/x:1: not found (HTTP 404, MANIFEST_UNKNOWN: manifest unknown)");
    assertThat(e.hasCode("MANIFEST_UNKNOWN")).isTrue();
    assertThat(e.status()).isEqualTo(404);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
