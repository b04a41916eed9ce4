package dev.berth.node.bundle.spec;

import java.math.BigInteger;
import java.util.List;

/**
 * The container's process (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config.md#process">
 * process</a>), also the {@code process.json} of {@code runc exec --process}.
 *
 * @param terminal whether the process gets a pseudo-terminal
 * @param user who it runs as
 * @param args the executable and its arguments
 * @param env {@code KEY=value} entries
 * @param cwd the absolute working directory
 * @param capabilities its capability sets
 * @param rlimits its resource limits
 * @param noNewPrivileges whether it may gain privileges (setuid binaries, file capabilities)
 */
public record Process(boolean terminal, User user, List<String> args, List<String> env, String cwd,
    Capabilities capabilities, List<Rlimit> rlimits, boolean noNewPrivileges) {

  /**
   * The user (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config.md#posix-platform-user">
   * POSIX user</a>).
   *
   * @param uid the user ID in the container
   * @param gid the group ID in the container
   * @param additionalGids supplementary group IDs
   */
  public record User(int uid, int gid, List<Integer> additionalGids) {
  }

  /**
   * Capability sets by name, {@code CAP_*}
   * (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config.md#linux-process">Linux process</a>).
   */
  public record Capabilities(List<String> bounding, List<String> effective, List<String> inheritable,
      List<String> permitted, List<String> ambient) {
  }

  /**
   * An rlimit (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config.md#posix-process">POSIX
   * process</a>). The values are unsigned 64-bit numbers; {@code RLIM_INFINITY} is 2^64-1.
   *
   * @param type {@code RLIMIT_*}
   * @param hard the ceiling for the soft limit
   * @param soft the limit the kernel enforces
   */
  public record Rlimit(String type, BigInteger hard, BigInteger soft) {

    /** An rlimit from values read as unsigned ({@code -1} is infinity). */
    public static Rlimit of(String type, long hard, long soft) {
      return new Rlimit(type, new BigInteger(Long.toUnsignedString(hard)), new BigInteger(Long.toUnsignedString(soft)));
    }
  }
}
