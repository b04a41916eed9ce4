package dev.berth.node.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.node.api.Resources;
import dev.berth.node.bundle.spec.LinuxResources;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupResourcesTest {

  private static final long MB = 1024 * 1024;

  @Test
  void swapDefaultsToTwiceTheMemory() {
    LinuxResources r = CgroupResources.of(new Resources(64 * MB, 0, 0, 0, 0, 0, null, null, 0), List.of());

    assertThat(r.memory()).isEqualTo(new LinuxResources.Memory(64 * MB, 128 * MB));
  }

  @Test
  void swapMinusOneIsUnlimitedAndAnExplicitValueIsKept() {
    assertThat(CgroupResources.of(new Resources(64 * MB, -1, 0, 0, 0, 0, null, null, 0), List.of()).memory())
        .isEqualTo(new LinuxResources.Memory(64 * MB, -1L));
    assertThat(CgroupResources.of(new Resources(64 * MB, 100 * MB, 0, 0, 0, 0, null, null, 0), List.of()).memory())
        .isEqualTo(new LinuxResources.Memory(64 * MB, 100 * MB));
  }

  @Test
  void rejectsSwapBelowMemory() {
    assertThatThrownBy(() -> CgroupResources.of(new Resources(64 * MB, 32 * MB, 0, 0, 0, 0, null, null, 0), List.of()))
        .hasMessageContaining("below the memory limit");
  }

  @Test
  void noLimitsLeaveEverythingUnset() {
    LinuxResources r = CgroupResources.of(Resources.none(), DockerDefaults.DEVICES);

    assertThat(r.memory()).isNull();
    assertThat(r.cpu()).isNull();
    assertThat(r.pids()).isNull();
    assertThat(r.devices()).first().isEqualTo(new LinuxResources.DeviceCgroup(false, null, null, null, "rwm"));
  }

  @Test
  void nanoCpusSetPeriodAndQuota() {
    LinuxResources r = CgroupResources.of(new Resources(0, 0, 512, 0, 0, 1_500_000_000L, "0-1", "0", 10), List.of());

    assertThat(r.cpu()).isEqualTo(new LinuxResources.Cpu(512L, 150_000L, 100_000L, "0-1", "0"));
    assertThat(r.pids()).isEqualTo(new LinuxResources.Pids(10));
  }
}
