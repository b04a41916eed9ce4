package dev.berth.node.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.HostOptions;
import dev.berth.oci.ImageConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessDefaultsTest {

  private static final ImageConfig.Config IMAGE = new ImageConfig.Config(null, null,
      List.of("PATH=/image/bin", "LANG=C"), List.of("/entry"), List.of("image-cmd"), null, null, null, null);

  @Test
  void usesTheImageEntrypointAndCmdByDefault() {
    assertThat(ProcessDefaults.args(spec(null, null), IMAGE)).containsExactly("/entry", "image-cmd");
  }

  @Test
  void aGivenCmdReplacesOnlyTheImageCmd() {
    assertThat(ProcessDefaults.args(spec(null, List.of("mine")), IMAGE)).containsExactly("/entry", "mine");
  }

  @Test
  void aGivenEntrypointDropsTheImageCmd() {
    assertThat(ProcessDefaults.args(spec(List.of("/other"), null), IMAGE)).containsExactly("/other");
    assertThat(ProcessDefaults.args(spec(List.of("/other"), List.of("x")), IMAGE)).containsExactly("/other", "x");
  }

  @Test
  void anEmptyEntrypointClearsTheImageEntrypoint() {
    assertThat(ProcessDefaults.args(spec(List.of(), List.of("sh")), IMAGE)).containsExactly("sh");
    assertThatThrownBy(() -> ProcessDefaults.args(spec(List.of(), null), IMAGE))
        .hasMessageContaining("no command specified");
  }

  @Test
  void mergesTheEnvironmentByKeyInDockersOrder() {
    List<String> env = ProcessDefaults.env("host1", true, IMAGE.env(),
        List.of(List.of("LANG=en_US.UTF-8", "EXTRA=1"), List.of("LANG")));

    assertThat(env).containsExactly("PATH=/image/bin", "HOSTNAME=host1", "TERM=xterm", "EXTRA=1");
  }

  @Test
  void addsTheDefaultPathAndHomeWhenAbsent() {
    List<String> env = ProcessDefaults.withHome(ProcessDefaults.env("h", false, null, List.of()), "/root");

    assertThat(env).containsExactly("PATH=" + ProcessDefaults.DEFAULT_PATH, "HOSTNAME=h", "HOME=/root");
    assertThat(ProcessDefaults.withHome(List.of("HOME=/x"), "/root")).containsExactly("HOME=/x");
  }

  private static ContainerSpec spec(List<String> entrypoint, List<String> cmd) {
    return new ContainerSpec("c1", "n", "sha256:x", entrypoint, cmd, null, null, null, null, null, false, false, null,
        null, null, HostOptions.defaults());
  }
}
