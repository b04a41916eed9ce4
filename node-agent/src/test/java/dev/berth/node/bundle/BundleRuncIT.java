package dev.berth.node.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerStatus.NetworkInfo;
import dev.berth.node.api.ExecSpec;
import dev.berth.node.api.HostOptions;
import dev.berth.node.api.MountSpec;
import dev.berth.node.api.Resources;
import dev.berth.node.api.RestartPolicy;
import dev.berth.node.api.Ulimit;
import dev.berth.node.volume.RecordingVolumeListener;
import dev.berth.node.volume.Volumes;
import dev.berth.oci.ImageConfig;
import dev.berth.platform.BerthProperties;
import dev.berth.testsupport.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles written by {@link BundleWriter} run by the real runc on a busybox root filesystem. */
class BundleRuncIT {

  private static final Path SECCOMP_PROFILE = Path.of("/usr/share/containers/seccomp.json");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir
  Path dir;
  Path rootfs;
  BundleWriter writer;

  @BeforeAll
  static void requireRunc() {
    assumeThat(Commands.available("runc")).as("runc on the PATH").isTrue();
    assumeThat(Path.of("/bin/busybox")).as("a static busybox").exists();
  }

  @BeforeEach
  void setUp() throws IOException {
    rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));
    writer = new BundleWriter(new BundleProperties(SECCOMP_PROFILE, Path.of("/etc")));
  }

  @Test
  void runsAsTheImageUserWithItsEnvironmentWorkdirAndHostname() throws IOException {
    ContainerSpec spec = new ContainerSpec(uniqueId(), "it", "sha256:x", null,
        List.of("sh", "-c", "echo \"$GREETING $HOME\"; id; pwd; hostname"), List.of("GREETING=hello"), "/home/app",
        "app", "berthtest", null, false, false, null, null, null, HostOptions.defaults());

    String out = run(spec, null).assertSucceeded().stdoutText();

    assertThat(out).startsWith("hello /home/app\n").contains("uid=1000(app) gid=1000(app)", "50(staff)", "29(audio)")
        .contains("\n/home/app\n", "\nberthtest\n");
  }

  @Test
  void writesHostsResolvConfAndHostname() throws IOException {
    HostOptions host = host(List.of(), List.of("db:10.9.9.9"), Resources.none(), List.of(), false);
    NetworkInfo network = new NetworkInfo("bridge", "10.88.0.42", 16, "10.88.0.1", null, List.of());

    String out = run(spec(host, null, List.of(), "cat /etc/hosts /etc/resolv.conf /etc/hostname"), network)
        .assertSucceeded().stdoutText();

    assertThat(out).contains("127.0.0.1\tlocalhost\n", "10.88.0.42\tberthtest\n", "10.9.9.9\tdb\n", "nameserver ",
        "berthtest\n").doesNotContain("nameserver 127.");
  }

  @Test
  void isolatesProcessesMountsAndKernelInterfaces() throws IOException {
    String script = String.join("\n",
        "echo PIDS=$(ls /proc | grep -cE '^[0-9]+$')",
        "mount -t tmpfs none /mnt 2>/dev/null && echo MOUNTED || echo MOUNT_DENIED",
        "(echo /bin/true > /proc/sys/kernel/modprobe) 2>/dev/null && echo PROCSYS_WRITTEN || echo PROCSYS_DENIED",
        "(echo 1 > /proc/sysrq-trigger) 2>/dev/null && echo SYSRQ_WRITTEN || echo SYSRQ_DENIED",
        "echo TIMERS=$(cat /proc/timer_list | wc -c)",
        "echo KEYS=$(cat /proc/keys 2>/dev/null | wc -c)",
        "insmod /nonexistent.ko 2>/dev/null && echo INSMOD_OK || echo INSMOD_DENIED",
        "grep -E '^(Seccomp|NoNewPrivs|CapEff|CapBnd):' /proc/self/status");

    String out = run(spec(HostOptions.defaults(), null, List.of(), script), null).assertSucceeded().stdoutText();

    assertThat(pids(out)).isBetween(1, 4);
    assertThat(out).contains("MOUNT_DENIED", "PROCSYS_DENIED", "SYSRQ_DENIED", "TIMERS=0", "KEYS=0", "INSMOD_DENIED")
        .containsPattern("NoNewPrivs:\\s+1")
        .containsPattern("CapEff:\\s+00000000a80425fb")
        .containsPattern("CapBnd:\\s+00000000a80425fb");
    if (Files.exists(SECCOMP_PROFILE)) {
      assertThat(out).containsPattern("Seccomp:\\s+2");
    }
  }

  @Test
  void aPrivilegedContainerHasEveryCapabilityNoSeccompAndMayMount() throws IOException {
    HostOptions host = new HostOptions(List.of(), "bridge", List.of(), List.of(), List.of(), List.of(), List.of(),
        Resources.none(), RestartPolicy.no(), false, List.of(), List.of(), true, List.of(), false);

    String out = run(spec(host, null, List.of(), "grep -E '^(Seccomp|CapEff):' /proc/self/status;"
        + " mount -t tmpfs none /mnt && echo MOUNTED; echo TIMERS=$(cat /proc/timer_list | wc -c)"), null)
        .assertSucceeded().stdoutText();

    String hostBounding = Files.readString(Path.of("/proc/self/status")).lines()
        .filter(line -> line.startsWith("CapBnd:")).findFirst().orElseThrow().substring(7).strip();
    assertThat(out).containsPattern("Seccomp:\\s+0").containsPattern("CapEff:\\s+" + hostBounding)
        .contains("MOUNTED\n").doesNotContain("TIMERS=0\n");
  }

  @Test
  void aReadOnlyBindRefusesWritesAndATmpfsAcceptsThem() throws IOException {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.writeString(shared.resolve("file"), "from host");
    HostOptions host = host(List.of(new MountSpec("bind", shared.toString(), "/ro", true, 0),
        new MountSpec("tmpfs", null, "/scratch", false, 1 << 20)), List.of(), Resources.none(), List.of(), false);

    String out = run(spec(host, null, List.of(),
        "cat /ro/file; echo; (touch /ro/new) 2>/dev/null && echo RO_WRITTEN || echo RO_DENIED;"
            + " echo data > /scratch/f && cat /scratch/f; grep ' /scratch ' /proc/mounts"), null)
        .assertSucceeded().stdoutText();

    assertThat(out).contains("from host\n", "RO_DENIED", "data\n", "tmpfs /scratch tmpfs rw,nosuid,nodev");
    assertThat(shared.resolve("new")).doesNotExist();
  }

  @Test
  void aReadOnlyRootfsRefusesWrites() throws IOException {
    HostOptions host = new HostOptions(List.of(), "bridge", List.of(), List.of(), List.of(), List.of(), List.of(),
        Resources.none(), RestartPolicy.no(), true, List.of(), List.of(), false, List.of(), false);

    String out = run(spec(host, null, List.of(), "(touch /newfile) 2>/dev/null && echo WRITTEN || echo DENIED"), null)
        .assertSucceeded().stdoutText();

    assertThat(out).contains("DENIED");
  }

  @Test
  void thePidsLimitStopsSpawning() throws IOException {
    String script = "for i in $(seq 1 50); do sleep 1 & done; echo SPAWNED";
    HostOptions limited = host(List.of(), List.of(), new Resources(0, 0, 0, 0, 0, 0, null, null, 10), List.of(), false);

    Commands.Result result = run(spec(limited, null, List.of(), script), null);

    assertThat(result.stderr()).contains("can't fork");
    assertThat(result.stdoutText()).doesNotContain("SPAWNED");
    assertThat(run(spec(HostOptions.defaults(), null, List.of(), script), null).assertSucceeded().stdoutText())
        .isEqualTo("SPAWNED\n");
  }

  @Test
  void rlimitsAreDockersCappedDefaultsOrTheGivenUlimits() throws IOException {
    String limits = "echo SOFT=$(ulimit -n) HARD=$(ulimit -Hn)";
    String hostHard = Files.readString(Path.of("/proc/self/limits")).lines()
        .filter(l -> l.startsWith("Max open files")).findFirst().orElseThrow().trim().split("\\s+")[4];
    long expected = Math.min(1048576, Long.parseLong(hostHard));

    assertThat(run(spec(HostOptions.defaults(), null, List.of(), limits), null).assertSucceeded().stdoutText())
        .contains("SOFT=" + expected + " HARD=" + expected);
    HostOptions host = host(List.of(), List.of(), Resources.none(), List.of(new Ulimit("nofile", 1234, 2345)), false);
    assertThat(run(spec(host, null, List.of(), limits), null).assertSucceeded().stdoutText())
        .contains("SOFT=1234 HARD=2345");
  }

  @Test
  void joinsTheGivenNetworkNamespace() throws IOException {
    Path netns = Files.createFile(dir.resolve("netns"));
    Commands.run("unshare", "--net=" + netns, "true");
    try {
      String inode = Commands.run("stat", "-L", "-c", "%i", netns.toString()).strip();
      ContainerSpec spec = spec(HostOptions.defaults(), null, List.of(),
          "readlink /proc/self/ns/net; ls /sys/class/net");

      String out = run(spec, null, netns).assertSucceeded().stdoutText();

      assertThat(out).contains("net:[" + inode + "]").containsPattern("(?m)^lo$");
    } finally {
      Commands.run("umount", netns.toString());
    }
  }

  @Test
  void execRunsTheProcessJsonInTheRunningContainer() throws IOException {
    ContainerSpec spec = spec(HostOptions.defaults(), null, List.of("SHARED=container"), "sleep 30");
    BundleRequest request = request(spec, null, null);
    Path bundle = dir.resolve("bundle");
    writer.write(bundle, request, seccomp -> Map.of());
    String id = uniqueId();
    try {
      Commands.result(TIMEOUT, List.of("runc", "run", "-d", "--bundle", bundle.toString(), id)).assertSucceeded();
      Path processJson = dir.resolve("process.json");
      writer.writeProcess(processJson, writer.execProcess(request,
          new ExecSpec(List.of("sh", "-c", "echo $SHARED $EXTRA; id -u; pwd"), List.of("EXTRA=exec"), "app", "/tmp",
              false, false)));

      String out = Commands.result(TIMEOUT, List.of("runc", "exec", "--process", processJson.toString(), id))
          .assertSucceeded().stdoutText();

      assertThat(out).isEqualTo("container exec\n1000\n/tmp\n");
    } finally {
      Commands.result(TIMEOUT, List.of("runc", "delete", "-f", id));
    }
  }

  @Test
  void volumesCarryTheImageContentAndKeepTheContainersWrites() throws IOException {
    Files.createDirectories(rootfs.resolve("srv/www"));
    Files.writeString(rootfs.resolve("srv/www/index.html"), "from the image");
    Volumes volumes = new Volumes(new BerthProperties(dir.resolve("data")), new RecordingVolumeListener());
    HostOptions host = host(List.of(new MountSpec("volume", "site", "/srv/www", false, 0)), List.of(),
        Resources.none(), List.of(), false);
    ContainerSpec spec = spec(host, null, List.of(), "cat /srv/www/index.html; echo; echo written > /srv/www/new");
    List<VolumeMount> mounts = volumes.mount(spec, image(), rootfs);

    String out = run(spec, null, null, mounts).assertSucceeded().stdoutText();

    assertThat(out).isEqualTo("from the image\n");
    assertThat(volumes.path("site").resolve("new")).hasContent("written\n");
    assertThat(rootfs.resolve("srv/www/new")).doesNotExist();
  }

  private Commands.Result run(ContainerSpec spec, NetworkInfo network) throws IOException {
    return run(spec, network, null, List.of());
  }

  private Commands.Result run(ContainerSpec spec, NetworkInfo network, Path netns) throws IOException {
    return run(spec, network, netns, List.of());
  }

  private Commands.Result run(ContainerSpec spec, NetworkInfo network, Path netns, List<VolumeMount> volumes)
      throws IOException {
    Path bundle = dir.resolve("bundle-" + UUID.randomUUID());
    writer.write(bundle, new BundleRequest(spec.id(), spec, image(), rootfs, netns, network, volumes),
        seccomp -> Map.of());
    String id = uniqueId();
    try {
      return Commands.result(TIMEOUT, List.of("runc", "run", "--bundle", bundle.toString(), id));
    } finally {
      Commands.result(TIMEOUT, List.of("runc", "delete", "-f", id));
    }
  }

  private BundleRequest request(ContainerSpec spec, Path netns, NetworkInfo network) {
    return new BundleRequest(spec.id(), spec, image(), rootfs, netns, network, List.of());
  }

  private static ImageConfig image() {
    return new ImageConfig(null, null, "amd64", "linux", null, null, new ImageConfig.Config(null, null,
        List.of("PATH=/bin"), null, List.of("sh"), null, null, null, null), null, null);
  }

  private static ContainerSpec spec(HostOptions host, String user, List<String> env, String script) {
    String id = uniqueId();
    return new ContainerSpec(id, "it", "sha256:x", null, List.of("sh", "-c", script), env, null, user, "berthtest",
        null, false, false, null, null, null, host);
  }

  private static HostOptions host(List<MountSpec> mounts, List<String> extraHosts, Resources resources,
      List<Ulimit> ulimits, boolean readonlyRootfs) {
    return new HostOptions(mounts, "bridge", List.of(), extraHosts, List.of(), List.of(), List.of(), resources,
        RestartPolicy.no(), readonlyRootfs, List.of(), List.of(), false, ulimits, false);
  }

  private static int pids(String out) {
    return Integer.parseInt(out.lines().filter(l -> l.startsWith("PIDS=")).findFirst().orElseThrow().substring(5));
  }

  private static String uniqueId() {
    return "berth-it-" + UUID.randomUUID().toString().replace("-", "");
  }
}
