package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.oci.OciJson;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The registry on a random port with its embedded PostgreSQL and content store in one data
 * directory ({@link DataDirectories}). The ITs extend this class unchanged, so all of them share
 * one cached application context and one PostgreSQL. The schedule is off: tests run collections
 * themselves through the API (only {@code ScheduledGcIT} runs a registry of its own, with it on).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "berth.registry.gc.interval=0")
public abstract class AbstractRegistryIT {

  private static final Path DATA_DIR = DataDirectories.create();

  @LocalServerPort
  private int port;

  protected RegistryClient registry;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry properties) {
    properties.add("berth.data-dir", DATA_DIR::toString);
  }

  @BeforeEach
  void connect() {
    registry = new RegistryClient(URI.create("http://127.0.0.1:" + port));
  }

  /** The data directory the registry runs on. */
  protected static Path dataDir() {
    return DATA_DIR;
  }

  /** Where the content store keeps committed {@code digest}. */
  protected static Path blobFile(Digest digest) {
    return DATA_DIR.resolve("blobs").resolve(digest.algorithm().id()).resolve(digest.encoded().substring(0, 2))
        .resolve(digest.encoded());
  }

  /**
   * Asserts that {@code response} is a distribution-spec error envelope with exactly one error of
   * {@code code}, answered with {@code status}; returns that error for checks of its detail.
   */
  protected static JsonNode assertError(HttpResponse<byte[]> response, int status, String code) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).as("status of response %s", body).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(response.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
    JsonNode errors = OciJson.mapper().readTree(response.body()).get("errors");
    assertThat(errors).as("errors").hasSize(1);
    JsonNode error = errors.get(0);
    assertThat(error.get("code").asString()).as("code in %s", body).isEqualTo(code);
    assertThat(error.get("message").asString()).isNotBlank();
    return error;
  }
}
