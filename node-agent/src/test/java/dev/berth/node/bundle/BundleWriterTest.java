package dev.berth.node.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerStatus.NetworkInfo;
import dev.berth.node.api.ExecSpec;
import dev.berth.node.api.HostOptions;
import dev.berth.node.api.MountSpec;
import dev.berth.node.api.Resources;
import dev.berth.node.api.RestartPolicy;
import dev.berth.node.api.Ulimit;
import dev.berth.node.bundle.spec.Process;
import dev.berth.node.bundle.spec.Seccomp;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.OciJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class BundleWriterTest {

  private static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private static final ImageConfig IMAGE = new ImageConfig(null, null, "amd64", "linux", null, null,
      new ImageConfig.Config("app", null, List.of("PATH=/usr/bin:/bin", "MODE=image"), List.of("/bin/sh", "-c"),
          List.of("echo hi"), Map.of("/data", Map.of()), "/home/app", null, null), null, null);

  @TempDir
  Path dir;
  Path rootfs;
  BundleWriter writer;

  @BeforeEach
  void setUp() throws IOException {
    rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));
    Path etc = Files.createDirectories(dir.resolve("host-etc"));
    Files.writeString(etc.resolve("resolv.conf"), "nameserver 127.0.0.53\nnameserver 192.0.2.53\n");
    Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost thehost\n");
    Path profile = dir.resolve("seccomp.json");
    Files.writeString(profile, """
        {"defaultAction": "SCMP_ACT_ERRNO", "archMap": [{"architecture": "SCMP_ARCH_X86_64"}],
         "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW", "includes": {}, "excludes": {}}]}
        """);
    writer = new BundleWriter(new BundleProperties(profile, etc));
  }

  @Test
  void writesDockersDefaultsIntoConfigJson() throws IOException {
    NetworkInfo network = new NetworkInfo("bridge", "10.88.0.7", 16, "10.88.0.1", null, List.of());
    Path netns = dir.resolve("netns");

    writer.write(dir.resolve("bundle"), request(spec(HostOptions.defaults()), netns, network), seccomp -> Map.of());

    JsonNode config = readConfig();
    assertThat(config.path("ociVersion").asString()).isEqualTo("1.0.2");
    JsonNode process = config.path("process");
    assertThat(strings(process.path("args"))).containsExactly("/bin/sh", "-c", "echo hi");
    assertThat(strings(process.path("env"))).containsExactly("PATH=/usr/bin:/bin", "HOSTNAME=0123456789ab",
        "MODE=container", "HOME=/home/app");
    assertThat(process.path("user").path("uid").asInt()).isEqualTo(1000);
    assertThat(process.path("cwd").asString()).isEqualTo("/home/app");
    assertThat(process.path("noNewPrivileges").asBoolean()).isTrue();
    assertThat(strings(process.path("capabilities").path("bounding"))).hasSize(14).contains("CAP_NET_BIND_SERVICE");
    assertThat(process.path("capabilities").path("inheritable")).isEmpty();
    assertThat(process.path("rlimits").get(0).path("type").asString()).isEqualTo("RLIMIT_NOFILE");
    assertThat(config.path("hostname").asString()).isEqualTo("0123456789ab");
    assertThat(config.has("domainname")).isFalse();
    assertThat(config.path("root").path("path").asString()).isEqualTo(rootfs.toString());
    assertThat(config.path("root").path("readonly").asBoolean()).isFalse();
    JsonNode linux = config.path("linux");
    assertThat(linux.path("namespaces").values()).extracting(n -> n.path("type").asString())
        .containsExactly("pid", "ipc", "uts", "mount", "network");
    assertThat(linux.path("namespaces").get(4).path("path").asString()).isEqualTo(netns.toString());
    assertThat(linux.path("cgroupsPath").asString()).isEqualTo("/berth/" + ID);
    assertThat(strings(linux.path("maskedPaths"))).contains("/proc/kcore", "/proc/keys", "/sys/firmware");
    assertThat(strings(linux.path("readonlyPaths"))).contains("/proc/sys", "/proc/sysrq-trigger");
    assertThat(linux.path("seccomp").path("architectures").get(0).asString()).isEqualTo("SCMP_ARCH_X86_64");
    assertThat(linux.path("resources").path("devices").get(0).path("allow").asBoolean()).isFalse();
    assertThat(config.path("mounts").values()).extracting(m -> m.path("destination").asString())
        .startsWith("/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/dev/shm")
        .contains("/etc/hosts", "/etc/hostname", "/etc/resolv.conf");
    assertThat(Files.readString(dir.resolve("bundle/hosts"))).contains("10.88.0.7\t0123456789ab\n");
    assertThat(Files.readString(dir.resolve("bundle/resolv.conf"))).isEqualTo("nameserver 192.0.2.53\n");
    assertThat(Files.readString(dir.resolve("bundle/hostname"))).isEqualTo("0123456789ab\n");
    assertThat(config.has("annotations")).isFalse();
  }

  @Test
  void writesTheAnnotationsThatGoWithTheSeccompFilter() throws IOException {
    List<Seccomp> asked = new ArrayList<>();

    writer.write(dir.resolve("bundle"), request(spec(HostOptions.defaults()), null, null), seccomp -> {
      asked.add(seccomp);
      return Map.of("run.oci.seccomp_bpf_data", "AAAA");
    });

    JsonNode config = readConfig();
    assertThat(config.path("annotations").path("run.oci.seccomp_bpf_data").asString()).isEqualTo("AAAA");
    assertThat(asked).singleElement().extracting(Seccomp::defaultAction).isEqualTo("SCMP_ACT_ERRNO");
    assertThat(config.path("linux").has("seccomp")).isTrue();
  }

  @Test
  void hostModeJoinsNoNetworkNamespaceAndUsesTheHostsFiles() throws IOException {
    HostOptions host = new HostOptions(List.of(), "host", List.of(), List.of(), List.of(), List.of(), List.of(),
        Resources.none(), RestartPolicy.no(), true, List.of(), List.of(), false, List.of(), false);

    writer.write(dir.resolve("bundle"), request(spec(host), null, null), seccomp -> Map.of());

    JsonNode config = readConfig();
    assertThat(config.path("linux").path("namespaces").values()).extracting(n -> n.path("type").asString())
        .doesNotContain("network");
    assertThat(config.path("root").path("readonly").asBoolean()).isTrue();
    assertThat(Files.readString(dir.resolve("bundle/resolv.conf"))).contains("nameserver 127.0.0.53");
    assertThat(Files.readString(dir.resolve("bundle/hosts"))).isEqualTo("127.0.0.1 localhost thehost\n");
  }

  @Test
  void aNonHostModeWithoutNamespacePathGetsANewNetworkNamespace() throws IOException {
    writer.write(dir.resolve("bundle"), request(spec(HostOptions.defaults()), null, null), seccomp -> Map.of());

    JsonNode network = readConfig().path("linux").path("namespaces").get(4);
    assertThat(network.path("type").asString()).isEqualTo("network");
    assertThat(network.has("path")).isFalse();
  }

  @Test
  void privilegedHasAllCapabilitiesNoMasksNoSeccompAndWritableSys() throws IOException {
    HostOptions host = new HostOptions(List.of(), "bridge", List.of(), List.of(), List.of(), List.of(), List.of(),
        Resources.none(), RestartPolicy.no(), false, List.of(), List.of(), true, List.of(), false);

    writer.write(dir.resolve("bundle"), request(spec(host), null, null), seccomp -> Map.of());

    JsonNode config = readConfig();
    assertThat(strings(config.path("process").path("capabilities").path("bounding")))
        .isEqualTo(CapabilitySet.bounding(Files.readString(Path.of("/proc/self/status"))));
    assertThat(config.path("linux").has("maskedPaths")).isFalse();
    assertThat(config.path("linux").has("readonlyPaths")).isFalse();
    assertThat(config.path("linux").has("seccomp")).isFalse();
    JsonNode sys = config.path("mounts").values().stream()
        .filter(m -> m.path("destination").asString().equals("/sys")).findFirst().orElseThrow();
    assertThat(strings(sys.path("options"))).doesNotContain("ro");
  }

  @Test
  void userMountsAreSortedParentsFirstAndReplaceDefaults() throws IOException {
    Path source = Files.createDirectories(dir.resolve("src"));
    HostOptions host = new HostOptions(List.of(new MountSpec("bind", source.toString(), "/srv/a/b", true, 0),
        new MountSpec("tmpfs", null, "/dev/shm", false, 1 << 20), new MountSpec("tmpfs", null, "/srv", false, 0)),
        "bridge", List.of(), List.of(), List.of(), List.of(), List.of(),
        new Resources(0, 0, 0, 0, 0, 0, null, null, 10),
        RestartPolicy.no(), false, List.of(), List.of(), false, List.of(new Ulimit("nofile", 100, 200)), false);
    VolumeMount volume = new VolumeMount("vol", dir.resolve("vol"), "/data", false);

    writer.write(dir.resolve("bundle"), new BundleRequest(ID, spec(host), IMAGE, rootfs, null, null, List.of(volume)),
        seccomp -> Map.of());

    JsonNode config = readConfig();
    List<String> destinations = config.path("mounts").values().stream().map(m -> m.path("destination").asString())
        .toList();
    assertThat(destinations).containsOnlyOnce("/dev/shm");
    assertThat(destinations.indexOf("/srv")).isLessThan(destinations.indexOf("/srv/a/b"));
    JsonNode bind = config.path("mounts").get(destinations.indexOf("/srv/a/b"));
    assertThat(strings(bind.path("options"))).containsExactly("rbind", "rprivate", "ro");
    JsonNode shm = config.path("mounts").get(destinations.indexOf("/dev/shm"));
    assertThat(strings(shm.path("options"))).contains("size=1048576", "mode=1777", "nosuid", "nodev");
    assertThat(config.path("mounts").get(destinations.indexOf("/data")).path("source").asString())
        .isEqualTo(dir.resolve("vol").toString());
    assertThat(config.path("linux").path("resources").path("pids").path("limit").asLong()).isEqualTo(10);
    assertThat(config.path("process").path("rlimits").get(0).path("soft").asLong()).isEqualTo(100);
  }

  @Test
  void rejectsAnUnknownImageUser() {
    ContainerSpec spec = new ContainerSpec(ID, "n", "sha256:x", null, null, null, null, "ghost", null, null, false,
        false, null, null, null, HostOptions.defaults());

    assertThatThrownBy(() -> writer.write(dir.resolve("bundle"), request(spec, null, null), seccomp -> Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unable to find user ghost");
  }

  @Test
  void buildsAnExecProcessFromTheContainer() throws IOException {
    Process process = writer.execProcess(request(spec(HostOptions.defaults()), null, null),
        new ExecSpec(List.of("id"), List.of("MODE=exec"), "root", null, true, false));

    assertThat(process.args()).containsExactly("id");
    assertThat(process.env()).containsExactly("PATH=/usr/bin:/bin", "HOSTNAME=0123456789ab", "TERM=xterm",
        "MODE=exec", "HOME=/root");
    assertThat(process.user()).isEqualTo(new Process.User(0, 0, null));
    assertThat(process.cwd()).isEqualTo("/home/app");
    assertThat(process.terminal()).isTrue();
    assertThat(process.capabilities().bounding()).hasSize(14);
    assertThat(process.noNewPrivileges()).isTrue();
  }

  private BundleRequest request(ContainerSpec spec, Path netns, NetworkInfo network) {
    return new BundleRequest(ID, spec, IMAGE, rootfs, netns, network, List.of());
  }

  private static ContainerSpec spec(HostOptions host) {
    return new ContainerSpec(ID, "n", "sha256:x", null, null, List.of("MODE=container"), null, null, null, null,
        false, false, null, null, null, host);
  }

  private JsonNode readConfig() throws IOException {
    return OciJson.mapper().readTree(Files.readAllBytes(dir.resolve("bundle/config.json")));
  }

  private static List<String> strings(JsonNode array) {
    return array.values().stream().map(JsonNode::asString).toList();
  }
}
