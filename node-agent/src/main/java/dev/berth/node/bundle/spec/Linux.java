package dev.berth.node.bundle.spec;

import java.util.List;

/**
 * The Linux-specific configuration
 * (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config-linux.md">config-linux.md</a>).
 *
 * @param namespaces the namespaces the container gets or joins
 * @param resources its cgroup limits
 * @param cgroupsPath its cgroup path, relative to each controller's root
 * @param seccomp its system call filter; none when null
 * @param maskedPaths paths in the container made unreadable (a {@code /dev/null} or empty tmpfs bind)
 * @param readonlyPaths paths in the container made read-only
 */
public record Linux(List<Namespace> namespaces, LinuxResources resources, String cgroupsPath, Seccomp seccomp,
    List<String> maskedPaths, List<String> readonlyPaths) {

  /**
   * A namespace (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config-linux.md#namespaces">
   * namespaces</a>).
   *
   * @param type {@code pid}, {@code network}, {@code mount}, {@code ipc}, {@code uts}, {@code user} or {@code cgroup}
   * @param path the namespace file to join; a new namespace when null
   */
  public record Namespace(String type, String path) {
  }
}
