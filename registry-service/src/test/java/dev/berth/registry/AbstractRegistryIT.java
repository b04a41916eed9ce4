package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.oci.OciJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The registry on a random port with its embedded PostgreSQL and content store in one data
 * directory under {@code target/}, removed when the test JVM exits. Every IT extends this class
 * unchanged, so all of them share one cached application context and one PostgreSQL. The schedule
 * is off: tests run collections themselves through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "berth.registry.gc.interval=0")
public abstract class AbstractRegistryIT {

  private static final Path DATA_DIR = createDataDir();

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

  private static Path createDataDir() {
    try {
      Path target = Files.createDirectories(Path.of("target"));
      Path dir = Files.createTempDirectory(target, "registry-it-").toAbsolutePath();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteOnceStopped(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the data directory once PostgreSQL, stopped by its own shutdown hook, has left it. */
  private static void deleteOnceStopped(Path dir) {
    Path pidFile = dir.resolve("postgres").resolve("postmaster.pid");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    try {
      while (Files.exists(pidFile) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!Files.exists(pidFile)) {
      FileSystemUtils.deleteRecursively(dir.toFile());
    }
  }
}
