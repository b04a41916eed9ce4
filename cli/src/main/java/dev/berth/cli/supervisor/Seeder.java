package dev.berth.cli.supervisor;

import dev.berth.cli.stack.ServiceSpec;
import dev.berth.cli.stack.StackPlan;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Puts the seed images into the registry once: when the registry lacks {@code library/busybox}
 * or {@code library/httpd} tagged {@code latest}, runs image-service's seed mode
 * ({@code --berth.image.seed=true}: builds both from the host's static busybox, pushes them to its
 * default registry, exits) with the environment image-service runs with, except that it keeps its
 * store in a scratch directory with an embedded PostgreSQL of its own, deleted afterwards: the seed
 * images land in the registry only, so the stack's image store starts empty and the first
 * {@code docker run httpd} pulls, as on a fresh Docker host.
 */
final class Seeder {

  /** The repositories image-service's seed mode pushes ({@code busybox} and {@code httpd} normalized). */
  static final List<String> REPOSITORIES = List.of("library/busybox", "library/httpd");
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  private Seeder() {
  }

  /** Whether every seed repository has its {@code latest} tag in the registry on {@code registryPort}. */
  static boolean seeded(int registryPort) throws InterruptedException {
    for (String repository : REPOSITORIES) {
      URI tags = URI.create("http://127.0.0.1:" + registryPort + "/v2/" + repository + "/tags/list");
      try {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(tags).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"latest\"")) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs image-service's seed mode to its end with its store under {@code scratch} (deleted
   * afterwards), its output appended to {@code log}; its exit status.
   */
  static int seed(ServiceSpec imageService, Path scratch, Path log) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(imageService.command());
    command.add("--berth.image.seed=true");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> environment = builder.environment();
    environment.putAll(imageService.environment());
    environment.keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE_") || name.equals("BERTH_IMAGE_ENGINE"));
    environment.put("BERTH_DATA_DIR", scratch.toString());
    try {
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        return -1;
      }
      return process.exitValue();
    } finally {
      deleteRecursively(scratch);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Whether the plan has what seeding needs: the registry and image-service. */
  static boolean applies(StackPlan plan) {
    return plan.service(StackPlan.IMAGE_SERVICE).isPresent() && plan.services().stream()
        .anyMatch(service -> service.port() == StackPlan.REGISTRY_PORT);
  }
}
