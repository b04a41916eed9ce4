package dev.berth.node.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.node.api.ContainerStats;
import dev.berth.node.busybox.ConmonContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reads the stats of real cgroup v1 hierarchies of this host. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CgroupStatsIT {

  private static final Path CGROUP = Path.of("/sys/fs/cgroup");
  private static final List<String> CONTROLLERS = List.of("memory", "cpu", "cpuacct", "pids", "blkio");

  private final CgroupStats stats = new CgroupStats();

  @TempDir
  Path dir;

  @Test
  void readsABusyProcessInItsOwnCgroups() throws Exception {
    String name = "berth-test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    for (String controller : CONTROLLERS) {
      Files.createDirectories(CGROUP.resolve(controller).resolve(name));
    }
    Process busy = null;
    try {
      Files.writeString(CGROUP.resolve("memory").resolve(name).resolve("memory.limit_in_bytes"), "268435456");
      Files.writeString(CGROUP.resolve("pids").resolve(name).resolve("pids.max"), "10");
      // joins its cgroups itself, then execs a shell that allocates (so memory is charged there) and spins
      busy = new ProcessBuilder("sh", "-c", "for c in " + String.join(" ", CONTROLLERS) + "; do echo $$ > "
          + CGROUP + "/$c/" + name + "/cgroup.procs; done; exec sh -c 'x=$(seq 1 50000); while :; do :; done'")
          .start();
      int pid = (int) busy.pid();
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        ContainerStats joined = stats.read(name, pid, Map.of());
        assertThat(joined.pids()).isEqualTo(1);
        assertThat(joined.memoryUsage()).isPositive();
      });

      ContainerStats first = stats.read(name, pid, Map.of());
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        ContainerStats later = stats.read(name, pid, Map.of());
        assertThat(later.cpuTotalNanos()).isGreaterThan(first.cpuTotalNanos());
        assertThat(later.cpuUserNanos() + later.cpuSystemNanos()).isPositive();
        assertThat(later.systemCpuNanos()).isGreaterThan(first.systemCpuNanos());
      });
      ContainerStats read = stats.read(name, pid, Map.of());
      assertThat(stats.unified()).isFalse();
      assertThat(read.memoryUsage()).isPositive();
      assertThat(read.memoryLimit()).isEqualTo(268435456);
      assertThat(read.pids()).isEqualTo(1);
      assertThat(read.pidsLimit()).isEqualTo(10);
      assertThat(read.onlineCpus()).isPositive();
    } finally {
      if (busy != null) {
        busy.destroyForcibly().waitFor();
      }
      for (String controller : CONTROLLERS) {
        removeCgroup(CGROUP.resolve(controller).resolve(name));
      }
    }
  }

  @Test
  void readsARuncContainerByItsIdAndReportsHostMemoryWhenUnlimited() throws Exception {
    String id = ConmonContainer.newId();
    try (ConmonContainer container = ConmonContainer.start(dir, id, List.of("-l", "k8s-file:" + dir.resolve("ctr.log")),
        "sh", "-c", "sleep 30 & exec sleep 30")) {
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(stats.read(id, 0, Map.of()).pids()).isEqualTo(2));
      ContainerStats byId = stats.read(id, 0, Map.of());
      assertThat(byId.memoryLimit()).isEqualTo(memTotal());
      assertThat(byId.memoryUsage()).isPositive();
      assertThat(stats.read(id, container.pid(), Map.of()).pids()).isEqualTo(2);
    }
  }

  private static long memTotal() throws IOException {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream()
        .filter(line -> line.startsWith("MemTotal:"))
        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
        .findFirst().orElseThrow();
  }

  private static void removeCgroup(Path cgroup) throws InterruptedException, IOException {
    for (int attempt = 0; Files.exists(cgroup); attempt++) {
      try {
        Files.delete(cgroup);
      } catch (IOException e) {
        if (attempt == 50) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
