package dev.berth.node.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.node.api.Ulimit;
import dev.berth.node.bundle.spec.Process.Rlimit;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostRlimitsTest {

  private static final HostRlimits HOST = HostRlimits.parse("""
      Limit                     Soft Limit           Hard Limit           Units
      Max cpu time              unlimited            unlimited            seconds
      Max core file size        0                    unlimited            bytes
      Max processes             96365                96365                processes
      Max open files            20000                20000                files
      """);

  @Test
  void capsDockersNofileDefaultAtTheHostHardLimit() {
    assertThat(HOST.rlimits(List.of())).containsExactly(Rlimit.of("RLIMIT_NOFILE", 20000, 20000));
  }

  @Test
  void ulimitsReplaceDefaultsAndAreCappedToo() {
    List<Rlimit> rlimits = HOST.rlimits(List.of(new Ulimit("nofile", 512, 1024), new Ulimit("nproc", 10, 200000),
        new Ulimit("core", -1, -1)));

    assertThat(rlimits).containsExactly(Rlimit.of("RLIMIT_NOFILE", 1024, 512), Rlimit.of("RLIMIT_NPROC", 96365, 10),
        Rlimit.of("RLIMIT_CORE", -1, -1));
    assertThat(rlimits.get(2).hard()).hasToString("18446744073709551615");
  }

  @Test
  void rejectsUnknownNamesAndSoftAboveHard() {
    assertThatThrownBy(() -> HOST.rlimits(List.of(new Ulimit("wings", 1, 1)))).hasMessageContaining("unknown ulimit");
    assertThatThrownBy(() -> HOST.rlimits(List.of(new Ulimit("nofile", 10, 5)))).hasMessageContaining("above hard");
  }
}
