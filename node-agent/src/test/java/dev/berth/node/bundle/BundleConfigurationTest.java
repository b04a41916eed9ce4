package dev.berth.node.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.node.volume.RecordingVolumeListener;
import dev.berth.node.volume.Volumes;
import dev.berth.platform.BerthProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class BundleConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(Beans.class);

  @Test
  void bindsDefaultsAndCreatesTheBeans() {
    runner.withPropertyValues("berth.data-dir=/tmp/berth-bundle-test").run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(BundleWriter.class).hasSingleBean(Volumes.class);
      BundleProperties properties = context.getBean(BundleProperties.class);
      assertThat(properties.seccompProfile()).isEqualTo(Path.of("/usr/share/containers/seccomp.json"));
      assertThat(properties.hostEtc()).isEqualTo(Path.of("/etc"));
    });
  }

  @Test
  void takesOverriddenPaths() {
    runner.withPropertyValues("berth.data-dir=/tmp/berth-bundle-test", "berth.node.bundle.seccomp-profile=/nowhere",
        "berth.node.bundle.host-etc=/tmp").run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(BundleProperties.class).seccompProfile()).isEqualTo(Path.of("/nowhere"));
          assertThat(context.getBean(BundleProperties.class).hostEtc()).isEqualTo(Path.of("/tmp"));
        });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({BundleProperties.class, BerthProperties.class})
  @Import({BundleWriter.class, Volumes.class, RecordingVolumeListener.class})
  static class Beans {
  }
}
