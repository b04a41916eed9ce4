package dev.berth.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupLayoutTest {

  @TempDir
  Path root;

  @Test
  void aHybridHostListsTheControllersLeftOnItsCgroup2Mount() throws IOException {
    Files.createDirectories(root.resolve("memory"));
    Files.writeString(Files.createDirectories(root.resolve("unified")).resolve("cgroup.controllers"), "hugetlb rdma\n");

    CgroupLayout layout = new CgroupLayout(root);

    assertThat(layout.hybrid()).isTrue();
    assertThat(layout.unified()).isFalse();
    assertThat(layout.unifiedControllers()).containsExactly("hugetlb", "rdma");
  }

  @Test
  void aHybridHostWhoseCgroup2HoldsNoControllerSuitsCrun() throws IOException {
    Files.writeString(Files.createDirectories(root.resolve("unified")).resolve("cgroup.controllers"), "\n");

    assertThat(new CgroupLayout(root).unifiedControllers()).isEmpty();
  }

  @Test
  void unifiedAndLegacyHostsHaveNoControllersToMove() throws IOException {
    assertThat(new CgroupLayout(root).unifiedControllers()).as("legacy: v1 only").isEmpty();

    Files.writeString(root.resolve("cgroup.controllers"), "cpu memory pids\n");

    CgroupLayout unified = new CgroupLayout(root);
    assertThat(unified.unified()).isTrue();
    assertThat(unified.hybrid()).isFalse();
    assertThat(unified.unifiedControllers()).isEmpty();
  }

  @Test
  void mountsAControllerAsAV1HierarchyOfItsOwn() throws IOException {
    assumeThat(Files.isWritable(Path.of("/sys/fs/cgroup/pids/cgroup.procs"))).as("a v1 pids hierarchy, and root")
        .isTrue();

    List<String> failed = new CgroupLayout(root).mountAsV1(List.of("pids"));

    try {
      assertThat(failed).isEmpty();
      assertThat(root.resolve("pids/cgroup.procs")).exists();
    } finally {
      Syscalls.unmountIfMounted(root.resolve("pids"), 0);
    }
  }

  @Test
  void aControllerThatCannotBeMountedIsReportedWithItsReason() {
    assertThat(new CgroupLayout(root).mountAsV1(List.of("nosuchcontroller")))
        .singleElement().asString().startsWith("nosuchcontroller (");
  }
}
