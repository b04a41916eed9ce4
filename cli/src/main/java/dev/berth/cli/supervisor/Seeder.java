package dev.berth.cli.supervisor;

import dev.berth.cli.stack.ServiceSpec;
import dev.berth.cli.stack.StackPlan;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts the seed images into the registry once: when the registry lacks {@code library/busybox}
 * or {@code library/httpd} tagged {@code latest}, runs image-service's seed mode
 * ({@code --berth.image.seed=true}: builds both from the host's static busybox, pushes them to its
 * default registry, exits) with the environment image-service runs with.
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

  /** Runs image-service's seed mode to its end, its output appended to {@code log}; its exit status. */
  static int seed(ServiceSpec imageService, Path log) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(imageService.command());
    command.add("--berth.image.seed=true");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(imageService.environment());
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      return -1;
    }
    return process.exitValue();
  }

  /** Whether the plan has what seeding needs: the registry and image-service. */
  static boolean applies(StackPlan plan) {
    return plan.service(StackPlan.IMAGE_SERVICE).isPresent() && plan.services().stream()
        .anyMatch(service -> service.port() == StackPlan.REGISTRY_PORT);
  }
}
