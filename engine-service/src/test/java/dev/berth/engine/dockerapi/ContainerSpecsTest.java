package dev.berth.engine.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.container.EngineException;
import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.MountSpec;
import dev.berth.node.api.PortBinding;
import dev.berth.node.api.RestartPolicy;
import dev.berth.node.api.Ulimit;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.OciJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContainerSpecsTest {

  private static final ImageConfig.Config IMAGE = new ImageConfig.Config(null, Map.of("80/tcp", Map.of()),
      List.of("PATH=/bin"), List.of("/entry"), List.of("serve"), null, null, Map.of("from", "image", "x", "image"),
      null);
  private static final ImageConfig.Config CMD_ONLY = new ImageConfig.Config(null, null, null, null, List.of("sh"),
      null, null, null, null);

  @Test
  void keepsTheImagesEntrypointAndCmdWhenNeitherIsGiven() {
    ContainerSpec spec = spec("{\"Image\":\"i\",\"Cmd\":null,\"Entrypoint\":null}", IMAGE);
    assertThat(spec.entrypoint()).isNull();
    assertThat(spec.cmd()).isNull();
  }

  @Test
  void anEmptyEntrypointClearsTheImagesButKeepsItsCmd() {
    ContainerSpec spec = spec("{\"Image\":\"i\",\"Entrypoint\":[]}", IMAGE);
    assertThat(spec.entrypoint()).isEmpty();
    assertThat(spec.cmd()).containsExactly("serve");
  }

  @Test
  void anEmptyCmdMeansTheImagesCmd() {
    assertThat(spec("{\"Image\":\"i\",\"Cmd\":[]}", IMAGE).cmd()).isNull();
  }

  @Test
  void refusesAContainerWithoutCommand() {
    assertThatThrownBy(() -> spec("{\"Image\":\"i\",\"Entrypoint\":[]}", new ImageConfig.Config(null, null, null,
        List.of("/x"), null, null, null, null, null)))
        .isInstanceOf(EngineException.InvalidArgument.class).hasMessage("No command specified");
    assertThat(spec("{\"Image\":\"i\"}", CMD_ONLY).image()).isEqualTo("i");
  }

  @Test
  void mapsTheConfigFields() {
    ContainerSpec spec = spec("""
        {"Image":"it/busybox:1","Cmd":["a","b"],"Env":["A=1"],"WorkingDir":"/w","User":"app","Hostname":"h",
         "Domainname":"d","Labels":{"x":"mine"},"Tty":true,"OpenStdin":true,"StopSignal":"SIGINT","StopTimeout":3,
         "ConsoleSize":[1,2],"Unknown":{}}""", IMAGE);
    assertThat(spec.image()).isEqualTo("it/busybox:1");
    assertThat(spec.cmd()).containsExactly("a", "b");
    assertThat(spec.env()).containsExactly("A=1");
    assertThat(spec.workingDir()).isEqualTo("/w");
    assertThat(spec.user()).isEqualTo("app");
    assertThat(spec.hostname()).isEqualTo("h");
    assertThat(spec.domainname()).isEqualTo("d");
    assertThat(spec.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("from", "image", "x", "mine"));
    assertThat(spec.tty()).isTrue();
    assertThat(spec.openStdin()).isTrue();
    assertThat(spec.stopSignal()).isEqualTo("SIGINT");
    assertThat(spec.stopTimeout()).isEqualTo(3);
    assertThat(spec.host().networkMode()).isEqualTo("bridge");
  }

  @Test
  void mapsBindsMountsAndTmpfs() {
    ContainerSpec spec = spec("""
        {"Image":"i","Volumes":{"/anon":{},"/data":{}},"HostConfig":{
          "Binds":["/host:/data:ro","named:/named","/rw:/rw:rw,z"],
          "Mounts":[{"Type":"tmpfs","Target":"/t","TmpfsOptions":{"SizeBytes":1024}},
                    {"Type":"volume","Source":"v","Target":"/v","ReadOnly":true}],
          "Tmpfs":{"/run":"rw,size=64m"}}}""", IMAGE);
    assertThat(spec.host().mounts()).containsExactly(
        new MountSpec("bind", "/host", "/data", true, 0),
        new MountSpec("volume", "named", "/named", false, 0),
        new MountSpec("bind", "/rw", "/rw", false, 0),
        new MountSpec("tmpfs", "", "/t", false, 1024),
        new MountSpec("volume", "v", "/v", true, 0),
        new MountSpec("tmpfs", "", "/run", false, 64L << 20),
        new MountSpec("volume", "", "/anon", false, 0));
  }

  @Test
  void refusesABindWithoutTarget() {
    assertThatThrownBy(() -> spec("{\"Image\":\"i\",\"HostConfig\":{\"Binds\":[\"/only\"]}}", IMAGE))
        .isInstanceOf(EngineException.InvalidArgument.class).hasMessageContaining("invalid volume specification");
  }

  @Test
  void publishesBoundPortsAndWithPublishAllEveryExposedOne() {
    ContainerSpec spec = spec("""
        {"Image":"i","ExposedPorts":{"53/udp":{},"8080/tcp":{}},"HostConfig":{"PublishAllPorts":true,
          "PortBindings":{"8080/tcp":[{"HostIp":"","HostPort":"8020"},{"HostIp":"127.0.0.1","HostPort":""}]}}}""",
        IMAGE);
    assertThat(spec.host().ports()).containsExactlyInAnyOrder(
        new PortBinding(8080, "tcp", "", 8020),
        new PortBinding(8080, "tcp", "127.0.0.1", 0),
        new PortBinding(80, "tcp", "", 0),
        new PortBinding(53, "udp", "", 0));
  }

  @Test
  void mapsHostOptions() {
    ContainerSpec spec = spec("""
        {"Image":"i","HostConfig":{"NetworkMode":"host","RestartPolicy":{"Name":"on-failure","MaximumRetryCount":3},
          "AutoRemove":true,"Memory":1048576,"MemorySwap":-1,"NanoCpus":500000000,"CpuShares":512,"CpuPeriod":100000,
          "CpuQuota":50000,"CpusetCpus":"0","CpusetMems":"0","PidsLimit":64,"Privileged":true,"CapAdd":["NET_ADMIN"],
          "CapDrop":["CHOWN"],"ReadonlyRootfs":true,"Ulimits":[{"Name":"nofile","Soft":1024,"Hard":2048}],
          "ExtraHosts":["a:1.2.3.4"],"Dns":["9.9.9.9"],"DnsSearch":["x"],"DnsOptions":["ndots:1"],
          "LogConfig":null,"Links":null}}""", IMAGE);
    var host = spec.host();
    assertThat(host.networkMode()).isEqualTo("host");
    assertThat(host.restartPolicy()).isEqualTo(new RestartPolicy("on-failure", 3));
    assertThat(host.autoRemove()).isTrue();
    assertThat(host.resources().memory()).isEqualTo(1048576);
    assertThat(host.resources().memorySwap()).isEqualTo(-1);
    assertThat(host.resources().nanoCpus()).isEqualTo(500000000);
    assertThat(host.resources().cpuShares()).isEqualTo(512);
    assertThat(host.resources().cpuQuota()).isEqualTo(50000);
    assertThat(host.resources().pidsLimit()).isEqualTo(64);
    assertThat(host.privileged()).isTrue();
    assertThat(host.capAdd()).containsExactly("NET_ADMIN");
    assertThat(host.capDrop()).containsExactly("CHOWN");
    assertThat(host.readonlyRootfs()).isTrue();
    assertThat(host.ulimits()).containsExactly(new Ulimit("nofile", 1024, 2048));
    assertThat(host.extraHosts()).containsExactly("a:1.2.3.4");
    assertThat(host.dns()).containsExactly("9.9.9.9");
    assertThat(host.dnsSearch()).containsExactly("x");
    assertThat(host.dnsOptions()).containsExactly("ndots:1");
  }

  @Test
  void theDefaultNetworkIsTheBridgeAndUnknownNetworksAreNotFound() {
    assertThat(spec("{\"Image\":\"i\",\"HostConfig\":{\"NetworkMode\":\"default\"}}", IMAGE).host().networkMode())
        .isEqualTo("bridge");
    assertThat(spec("{\"Image\":\"i\",\"HostConfig\":{\"NetworkMode\":\"none\"}}", IMAGE).host().networkMode())
        .isEqualTo("none");
    assertThatThrownBy(() -> spec("{\"Image\":\"i\",\"HostConfig\":{\"NetworkMode\":\"mynet\"}}", IMAGE))
        .isInstanceOf(EngineException.NotFound.class).hasMessage("network mynet not found");
  }

  private static ContainerSpec spec(String body, ImageConfig.Config image) {
    JsonNode json = OciJson.mapper().readTree(body);
    HostConfig host = json.path("HostConfig").isObject()
        ? OciJson.mapper().treeToValue(json.path("HostConfig"), HostConfig.class) : HostConfig.empty();
    return ContainerSpecs.from("n", OciJson.mapper().treeToValue(json, ContainerConfig.class), host, image);
  }
}
