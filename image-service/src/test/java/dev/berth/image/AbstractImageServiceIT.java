package dev.berth.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testsupport.DistributionRegistry;
import dev.berth.testsupport.RegistryPeer;
import dev.berth.testsupport.RegistryServiceProcess;
import dev.berth.testsupport.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of image-service integration tests: one application context for all of them, on a random
 * port, with an embedded PostgreSQL and content store under a temporary data directory, and a
 * real CNCF distribution registry as the default registry. Pull and push scenarios marked
 * {@link PeerTest} run once against each {@linkplain #peers() peer registry}.
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

  /**
   * The real registries {@link PeerTest}s run against: the default CNCF distribution, and Berth's
   * registry-service, started from its jar on first use and shared by the whole test JVM. Token
   * authentication is tested against distribution only (PullAuthIT, DockerAuthIT): registry-service
   * has no token auth yet.
   */
  protected static Stream<RegistryPeer> peers() {
    return Stream.of(REGISTRY, BerthRegistry.PROCESS);
  }

  /** {@code repository} of {@code peer} as image-service names it: without the registry when that is the default one. */
  protected static String familiarName(RegistryPeer peer, String repository) {
    return peer == REGISTRY ? repository : peer.address() + "/" + repository;
  }

  /** registry-service, started once per test JVM when a test first asks for the peers. */
  private static final class BerthRegistry {

    static final RegistryServiceProcess PROCESS = RegistryServiceProcess.start("image-service-it");

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(PROCESS::close));
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
