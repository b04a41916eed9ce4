package dev.berth.node.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilitySetTest {

  @Test
  void givesDockersDefaultSet() {
    assertThat(CapabilitySet.of(null, null, false, CapabilitySet.ALL)).hasSize(14)
        .contains("CAP_CHOWN", "CAP_AUDIT_WRITE")
        .doesNotContain("CAP_SYS_ADMIN", "CAP_NET_ADMIN", "CAP_SYS_MODULE");
  }

  @Test
  void addsAndDropsWithOrWithoutPrefix() {
    List<String> caps = CapabilitySet.of(List.of("net_admin", "CAP_SYS_TIME"), List.of("CHOWN", "cap_kill"), false,
        CapabilitySet.ALL);

    assertThat(caps).contains("CAP_NET_ADMIN", "CAP_SYS_TIME", "CAP_SETUID")
        .doesNotContain("CAP_CHOWN", "CAP_KILL").hasSize(14);
  }

  @Test
  void dropAllKeepsOnlyTheAdded() {
    assertThat(CapabilitySet.of(List.of("NET_BIND_SERVICE"), List.of("ALL"), false, CapabilitySet.ALL))
        .containsExactly("CAP_NET_BIND_SERVICE");
  }

  @Test
  void addAllGivesEverythingButTheDropped() {
    assertThat(CapabilitySet.of(List.of("all"), List.of("SYS_ADMIN"), false, CapabilitySet.ALL))
        .hasSize(CapabilitySet.ALL.size() - 1).doesNotContain("CAP_SYS_ADMIN");
  }

  @Test
  void privilegedGetsEverything() {
    assertThat(CapabilitySet.of(null, List.of("ALL"), true, CapabilitySet.ALL)).isEqualTo(CapabilitySet.ALL);
  }

  @Test
  void everyCapabilityMeansEveryOneTheHostCanGrant() {
    List<String> host = CapabilitySet.bounding("Name:\tjava\nCapBnd:\t000001fffeffffff\nCapAmb:\t0\n");

    assertThat(host).hasSize(40).doesNotContain("CAP_SYS_RESOURCE").contains("CAP_CHECKPOINT_RESTORE");
    assertThat(CapabilitySet.of(null, null, true, host)).isEqualTo(host);
    assertThat(CapabilitySet.of(List.of("ALL"), null, false, host)).isEqualTo(host);
  }

  @Test
  void rejectsAnUnknownCapability() {
    assertThatThrownBy(() -> CapabilitySet.of(List.of("FLY"), null, false, CapabilitySet.ALL))
        .hasMessageContaining("unknown capability");
  }

  @Test
  void leavesInheritableAndAmbientEmpty() {
    var sets = CapabilitySet.sets(List.of("CAP_KILL"));

    assertThat(sets.bounding()).isEqualTo(sets.effective()).isEqualTo(sets.permitted()).containsExactly("CAP_KILL");
    assertThat(sets.inheritable()).isEmpty();
    assertThat(sets.ambient()).isEmpty();
  }
}
