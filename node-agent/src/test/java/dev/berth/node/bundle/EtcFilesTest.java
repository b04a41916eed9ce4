package dev.berth.node.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.node.api.ContainerStatus.NetworkInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtcFilesTest {

  private static final String HOST_RESOLV = """
      # generated
      nameserver 127.0.0.53
      nameserver 10.0.0.2
      nameserver ::1
      search corp.example
      options edns0
      """;

  @Test
  void hostsHasLocalhostTheContainerAddressAndExtraHosts() {
    NetworkInfo network = new NetworkInfo("bridge", "10.88.0.5", 16, "10.88.0.1", null, List.of());

    String hosts = EtcFiles.hosts("abc", "example.org", network, List.of("db:10.1.1.1", "v6:fd00::1"), null);

    assertThat(hosts).startsWith("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n")
        .contains("10.88.0.5\tabc.example.org abc\n", "10.1.1.1\tdb\n", "fd00::1\tv6\n");
  }

  @Test
  void hostsInHostModeIsTheHostsFilePlusExtraHosts() {
    assertThat(EtcFiles.hosts("h", null, null, List.of("db=10.1.1.1"), "127.0.0.1 localhost"))
        .isEqualTo("127.0.0.1 localhost\n10.1.1.1\tdb\n");
  }

  @Test
  void resolvConfDropsLoopbackNameservers() {
    assertThat(EtcFiles.resolvConf(HOST_RESOLV, List.of(), List.of(), List.of(), false))
        .isEqualTo("nameserver 10.0.0.2\nsearch corp.example\noptions edns0\n");
  }

  @Test
  void resolvConfFallsBackToDockersNameserversWhenOnlyLoopbackOnesExist() {
    assertThat(EtcFiles.resolvConf("nameserver 127.0.0.11\n", null, null, null, false))
        .isEqualTo("nameserver 8.8.8.8\nnameserver 8.8.4.4\n");
  }

  @Test
  void resolvConfTakesTheGivenServersSearchAndOptions() {
    assertThat(EtcFiles.resolvConf(HOST_RESOLV, List.of("1.1.1.1"), List.of("a.test", "b.test"), List.of("ndots:2"),
        false)).isEqualTo("nameserver 1.1.1.1\nsearch a.test b.test\noptions ndots:2\n");
  }

  @Test
  void resolvConfInHostModeIsTheHostsAsIs() {
    assertThat(EtcFiles.resolvConf(HOST_RESOLV, List.of(), List.of(), List.of(), true)).isEqualTo(HOST_RESOLV);
  }
}
