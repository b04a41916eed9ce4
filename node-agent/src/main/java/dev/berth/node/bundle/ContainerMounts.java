package dev.berth.node.bundle;

import dev.berth.node.api.MountSpec;
import dev.berth.node.bundle.spec.Spec.Mount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mounts of a container
 * (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config.md#mounts">mounts</a>): Docker's
 * kernel file systems, then the per-container {@code /etc} files and the user's mounts, parents
 * before children. A user mount replaces a default one at the same destination.
 */
public final class ContainerMounts {

  private ContainerMounts() {
  }

  /**
   * All mounts of a container.
   *
   * @param etcFiles bind mounts of the bundle's {@code /etc} files
   * @param userMounts the spec's mounts; those of type {@code volume} come resolved in {@code volumes}
   * @param volumes the resolved volumes
   * @param privileged whether /sys and the cgroup tree stay writable
   * @throws IllegalArgumentException for an unknown mount type, a relative destination or a missing bind source
   */
  public static List<Mount> of(List<Mount> etcFiles, List<MountSpec> userMounts, List<VolumeMount> volumes,
      boolean privileged) {
    List<Mount> user = new ArrayList<>();
    for (MountSpec mount : userMounts == null ? List.<MountSpec>of() : userMounts) {
      switch (mount.type()) {
        case "bind" -> user.add(bind(mount));
        case "tmpfs" -> user.add(tmpfs(mount));
        case "volume" -> {
          // resolved by the volume package into volumes
        }
        default -> throw new IllegalArgumentException("mount " + mount.target() + ": unknown type " + mount.type());
      }
    }
    for (VolumeMount volume : volumes == null ? List.<VolumeMount>of() : volumes) {
      user.add(bindMount(volume.source().toString(), destination(volume.destination()), volume.readOnly()));
    }
    Set<String> taken = user.stream().map(Mount::destination).collect(Collectors.toSet());
    List<Mount> sorted = new ArrayList<>(etcFiles.stream().filter(m -> !taken.contains(m.destination())).toList());
    sorted.addAll(user);
    sorted.sort(Comparator.comparingInt(m -> depth(m.destination())));
    List<Mount> all = new ArrayList<>(DockerDefaults.mounts(privileged).stream()
        .filter(m -> !taken.contains(m.destination())).toList());
    all.addAll(sorted);
    return List.copyOf(all);
  }

  /** A recursive, private bind mount. */
  public static Mount bindMount(String source, String destination, boolean readOnly) {
    return new Mount(destination, "bind", source, List.of("rbind", "rprivate", readOnly ? "ro" : "rw"));
  }

  private static Mount bind(MountSpec mount) {
    if (mount.source() == null || !mount.source().startsWith("/") || !Files.exists(Path.of(mount.source()))) {
      throw new IllegalArgumentException("bind source path does not exist: " + mount.source());
    }
    return bindMount(mount.source(), destination(mount.target()), mount.readOnly());
  }

  private static Mount tmpfs(MountSpec mount) {
    List<String> options = new ArrayList<>(List.of("nosuid", "nodev", "mode=1777"));
    if (mount.tmpfsSize() > 0) {
      options.add("size=" + mount.tmpfsSize());
    }
    options.add(mount.readOnly() ? "ro" : "rw");
    return new Mount(destination(mount.target()), "tmpfs", "tmpfs", List.copyOf(options));
  }

  private static String destination(String target) {
    if (target == null || !target.startsWith("/")) {
      throw new IllegalArgumentException("mount destination must be an absolute path: " + target);
    }
    String normalized = Path.of(target).normalize().toString();
    if (normalized.equals("/")) {
      throw new IllegalArgumentException("mount destination cannot be /");
    }
    return normalized;
  }

  private static int depth(String destination) {
    return (int) destination.chars().filter(c -> c == '/').count();
  }
}
