package dev.berth.node.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.node.api.ContainerStats;
import dev.berth.node.api.ContainerStats.NetworkStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupStatsTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Map<String, NetworkStats> NETWORKS =
      Map.of("eth0", new NetworkStats(1, 2, 3, 4, 5, 6, 7, 8));

  @TempDir
  Path cgroup;

  @TempDir
  Path proc;

  private CgroupStats stats;

  @BeforeEach
  void host() throws IOException {
    write(proc.resolve("stat"), """
        cpu  100 5 50 1000 10 1 2 7 0 0
        cpu0 50 2 25 500 5 1 1 3 0 0
        cpu1 50 3 25 500 5 0 1 4 0 0
        intr 12345
        ctxt 999
        """);
    write(proc.resolve("meminfo"), "MemTotal:        2048 kB\nMemFree:         1024 kB\n");
    stats = new CgroupStats(cgroup, proc, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void readsAUnifiedCgroupFoundThroughTheProcess() throws IOException {
    write(cgroup.resolve("cgroup.controllers"), "cpu io memory pids\n");
    write(proc.resolve("42/cgroup"), "0::/berth/abc\n");
    Path dir = cgroup.resolve("berth/abc");
    write(dir.resolve("cpu.stat"), "usage_usec 3000\nuser_usec 2000\nsystem_usec 1000\nnr_periods 0\n");
    write(dir.resolve("memory.current"), "500000\n");
    write(dir.resolve("memory.max"), "1000\n");
    write(dir.resolve("memory.stat"), "anon 100\nfile 4096\ninactive_file 1000\nactive_file 3096\n");
    write(dir.resolve("pids.current"), "3\n");
    write(dir.resolve("pids.max"), "max\n");
    write(dir.resolve("io.stat"), "8:0 rbytes=100 wbytes=200 rios=1 wios=2 dbytes=0 dios=0\n"
        + "8:16 rbytes=10 wbytes=20 rios=1 wios=1 dbytes=0 dios=0\n");

    assertThat(stats.unified()).isTrue();
    assertThat(stats.read("abc", 42, NETWORKS)).isEqualTo(new ContainerStats(NOW, 3_000_000, 2_000_000, 1_000_000,
        1168 * 10_000_000L, 2, 499_000, 1000, 4096, 3, 0, NETWORKS, 110, 220));
  }

  @Test
  void findsAUnifiedCgroupByContainerIdAndReportsHostMemoryWhenUnlimited() throws IOException {
    write(cgroup.resolve("cgroup.controllers"), "cpu io memory pids\n");
    Path dir = cgroup.resolve("berth/abc");
    write(dir.resolve("memory.current"), "4096\n");
    write(dir.resolve("memory.max"), "max\n");
    write(dir.resolve("pids.max"), "64\n");

    ContainerStats read = stats.read("abc", 0, Map.of());

    assertThat(read.memoryUsage()).isEqualTo(4096);
    assertThat(read.memoryLimit()).isEqualTo(2048 * 1024);
    assertThat(read.pidsLimit()).isEqualTo(64);
    assertThat(read.cpuTotalNanos()).isZero();
  }

  @Test
  void readsV1ControllersConvertingTicksAndTheUnlimitedValue() throws IOException {
    write(cgroup.resolve("unified/cgroup.controllers"), "");
    write(proc.resolve("42/cgroup"), """
        12:pids:/berth/abc
        4:memory:/berth/abc
        3:cpu,cpuacct:/berth/abc
        2:blkio:/berth/abc
        1:name=systemd:/
        0::/
        """);
    write(cgroup.resolve("cpuacct/berth/abc/cpuacct.usage"), "123456789\n");
    write(cgroup.resolve("cpuacct/berth/abc/cpuacct.stat"), "user 7\nsystem 3\n");
    write(cgroup.resolve("memory/berth/abc/memory.usage_in_bytes"), "10000\n");
    write(cgroup.resolve("memory/berth/abc/memory.limit_in_bytes"), "9223372036854771712\n");
    write(cgroup.resolve("memory/berth/abc/memory.stat"),
        "cache 300\ninactive_file 100\ntotal_cache 500\ntotal_inactive_file 400\n");
    write(cgroup.resolve("pids/berth/abc/pids.current"), "2\n");
    write(cgroup.resolve("pids/berth/abc/pids.max"), "100\n");
    write(cgroup.resolve("blkio/berth/abc/blkio.throttle.io_service_bytes"), """
        8:0 Read 4096
        8:0 Write 8192
        8:0 Sync 0
        8:0 Async 12288
        8:0 Discard 0
        8:0 Total 12288
        8:16 Read 1
        8:16 Write 2
        Total 12291
        """);

    assertThat(stats.unified()).isFalse();
    assertThat(stats.read("abc", 42, NETWORKS)).isEqualTo(new ContainerStats(NOW, 123_456_789, 70_000_000,
        30_000_000, 1168 * 10_000_000L, 2, 9600, 2048 * 1024, 500, 2, 100, NETWORKS, 4097, 8194));
  }

  @Test
  void aContainerWithoutCgroupIsNotRunning() throws IOException {
    Files.createDirectories(cgroup.resolve("memory"));

    assertThatThrownBy(() -> stats.read("gone", 0, Map.of()))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("memory/berth/gone");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
