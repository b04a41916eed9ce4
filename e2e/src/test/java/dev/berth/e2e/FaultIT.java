package dev.berth.e2e;

import static dev.berth.testsupport.Probes.quietly;
import static dev.berth.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.e2e.stack.BerthStack;
import dev.berth.e2e.stack.Cli;
import dev.berth.testsupport.Probes;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault checks: while containers run, one service at a time is killed with SIGKILL; the
 * supervisor {@code berth up} left behind starts it again, and then {@code docker ps} shows the
 * same containers, which still serve on their published port, and the image store still answers.
 */
@Order(1000)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FaultIT {

  @RegisterExtension
  static final BerthStack stack = BerthStack.shared();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** A restarted service's startup (Spring Boot, migrations, re-adoption) on a busy machine, and the backoff. */
  private static final Duration RECOVERY = Duration.ofMinutes(2);
  private static String running;

  @BeforeAll
  static void startTwoContainers() throws Exception {
    stack.docker().run("run", "-d", "--name", "survivor-web", "-p", "8022:80", "httpd").assertSucceeded();
    stack.docker().run("run", "-d", "--name", "survivor-sleep", "busybox", "sleep", "100000").assertSucceeded();
    eventually(() -> Probes.page("http://127.0.0.1:8022/"), body -> body.contains("It works!"));
    running = ps();
  }

  @AfterAll
  static void removeThem() throws Exception {
    stack.docker().run("rm", "-f", "survivor-web", "survivor-sleep");
  }

  @ParameterizedTest
  @ValueSource(strings = {"node-agent", "engine-service", "gateway", "image-service", "registry-service", "postgres"})
  void aKilledServiceIsRestartedAndTheContainersStillRun(String service) throws Exception {
    long pid = pids().get(service);
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();

    Map<String, Long> restarted = eventually(RECOVERY, () -> quietly(FaultIT::pids),
        pids -> pids.containsKey(service) && pids.get(service) != pid && allUp());
    assertThat(restarted.get(service)).isNotEqualTo(pid);
    assertThat(eventually(RECOVERY, FaultIT::ps, running::equals)).isEqualTo(running);
    assertThat(eventually(RECOVERY, () -> dockerQuietly("images", "--format", "{{.Repository}}:{{.Tag}}"), images -> images.contains("httpd:latest")))
        .as("image-service answers from its database").contains("busybox:latest");
    assertThat(eventually(() -> Probes.page("http://127.0.0.1:8022/"), body -> body.contains("It works!")))
        .contains("It works!");
  }

  /** {@code docker ps}: IDs, names, images, state and ports of the running containers. */
  private static String ps() {
    return dockerQuietly("ps", "--format", "{{.ID}} {{.Names}} {{.Image}} {{.State}} {{.Ports}}");
  }

  /** The output of {@code docker <args>}, or why it failed (when a restarted service does not answer yet). */
  private static String dockerQuietly(String... args) {
    Cli.Result result = quietly(() -> stack.docker().run(args));
    return result.exitCode() == 0 ? result.stdout() : "docker failed: " + result.stderr();
  }

  /** The pid of each service {@code berth status} shows running. */
  private static Map<String, Long> pids() throws IOException, InterruptedException {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String line : stack.berth("status").stdout().lines().skip(1).toList()) {
      List<String> columns = List.of(line.trim().split("\\s+"));
      String pid = columns.getLast();
      if (pid.matches("\\d+")) {
        pids.put(columns.getFirst(), Long.parseLong(pid));
      }
    }
    return pids;
  }

  private static boolean allUp() {
    return quietly(() -> stack.berth("status").exitCode() == 0);
  }
}
