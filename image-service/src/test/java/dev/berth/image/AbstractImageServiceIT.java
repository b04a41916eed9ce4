package dev.berth.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testsupport.DistributionRegistry;
import dev.berth.testsupport.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of image-service integration tests: one application context for all of them, on a random
 * port, with an embedded PostgreSQL and content store under a temporary data directory, and a
 * real CNCF distribution registry as the default registry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AbstractImageServiceIT {

  protected static final DistributionRegistry REGISTRY;
  protected static final Path DATA_DIR;

  static {
    try {
      DATA_DIR = Files.createTempDirectory("berth-image-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    REGISTRY = DistributionRegistry.installed() ? DistributionRegistry.start() : null;
    if (REGISTRY != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(REGISTRY::close));
    }
  }

  protected final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  protected int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("berth.data-dir", DATA_DIR::toString);
    registry.add("berth.image.default-registry", () -> REGISTRY == null ? "127.0.0.1:1" : REGISTRY.address());
  }

  @BeforeAll
  static void requireTools() {
    assumeTrue(REGISTRY != null && TestImages.available(), "docker-registry, umoci, skopeo and busybox-static needed");
  }

  protected URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }
}
