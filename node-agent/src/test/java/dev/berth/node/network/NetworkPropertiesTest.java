package dev.berth.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.platform.BerthProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class NetworkPropertiesTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(Configuration.class)
      .withPropertyValues("berth.data-dir=/tmp/berth-node-agent");

  @EnableConfigurationProperties({BerthProperties.class, NetworkProperties.class})
  static class Configuration {
  }

  @Test
  void defaultsToBridgeBerth0WithItsOwnSubnetAndDebiansPluginDir() {
    runner.run(context -> {
      assertThat(context.getBean(NetworkProperties.class)).isEqualTo(new NetworkProperties("berth0", "10.89.0.0/16",
          "10.89.0.1", Path.of("/usr/lib/cni"), Path.of("/run/berth/netns"), Duration.ofSeconds(30),
          Duration.ofSeconds(30)));
    });
  }

  @Test
  void bindsSettingsFromBerthNodeNetwork() {
    runner.withPropertyValues("berth.node.network.bridge=br-test", "berth.node.network.subnet=10.7.0.0/24",
        "berth.node.network.gateway=10.7.0.1", "berth.node.network.namespace-dir=/run/other",
        "berth.node.network.udp-idle-timeout=5s").run(context -> {
          NetworkProperties properties = context.getBean(NetworkProperties.class);
          assertThat(properties.bridge()).isEqualTo("br-test");
          assertThat(properties.subnet()).isEqualTo("10.7.0.0/24");
          assertThat(properties.gateway()).isEqualTo("10.7.0.1");
          assertThat(properties.namespaceDir()).isEqualTo(Path.of("/run/other"));
          assertThat(properties.udpIdleTimeout()).isEqualTo(Duration.ofSeconds(5));
        });
  }
}
