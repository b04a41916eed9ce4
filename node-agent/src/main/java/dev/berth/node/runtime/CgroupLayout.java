package dev.berth.node.runtime;

import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the host mounts cgroups, as an OCI runtime sees it: unified (cgroup v2 only), hybrid (v1
 * controller hierarchies plus a cgroup2 mount at {@code unified}) or legacy (v1 only). crun refuses
 * a hybrid host as soon as a controller is attached to its cgroup2 hierarchy ("cgroups in hybrid
 * mode not supported, drop all controllers from cgroupv2"); the kernel attaches there every enabled
 * controller no v1 hierarchy took — on a host without systemd, those its mount script left out
 * (here {@code hugetlb}). Mounting them as v1 hierarchies of their own, as Debian's cgroupfs-mount
 * does for every controller, gives crun a hybrid host it accepts.
 */
final class CgroupLayout {

  private final Path root;

  CgroupLayout(Path root) {
    this.root = root;
  }

  boolean unified() {
    return Files.exists(root.resolve("cgroup.controllers"));
  }

  boolean hybrid() {
    return !unified() && Files.exists(unifiedMount().resolve("cgroup.controllers"));
  }

  /** The controllers attached to a hybrid host's cgroup2 hierarchy; none elsewhere. */
  List<String> unifiedControllers() throws IOException {
    if (!hybrid()) {
      return List.of();
    }
    String controllers = Files.readString(unifiedMount().resolve("cgroup.controllers")).strip();
    return controllers.isEmpty() ? List.of() : Arrays.asList(controllers.split("\\s+"));
  }

  /**
   * Mounts each of {@code controllers} as a v1 hierarchy of its own at {@code <root>/<controller>},
   * which detaches it from the cgroup2 hierarchy (the kernel refuses with EBUSY while cgroup2 uses it).
   *
   * @return the controllers that could not be mounted, each with the reason
   */
  List<String> mountAsV1(List<String> controllers) {
    List<String> failed = new ArrayList<>();
    for (String controller : controllers) {
      Path target = root.resolve(controller);
      try {
        Files.createDirectories(target);
        Syscalls.mount("cgroup", target, "cgroup", Syscalls.MS_NOSUID | Syscalls.MS_NODEV | Syscalls.MS_NOEXEC,
            controller);
      } catch (IOException e) {
        failed.add(controller + " (" + e.getMessage() + ")");
      }
    }
    return failed;
  }

  private Path unifiedMount() {
    return root.resolve("unified");
  }
}
