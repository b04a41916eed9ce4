package dev.berth.node.bundle.spec;

import java.math.BigInteger;
import java.util.List;

/**
 * A seccomp filter (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config-linux.md#seccomp">
 * seccomp</a>). {@code defaultErrnoRet} and {@code errnoRet} come from later runtime-spec versions; runc 1.1 honours
 * them.
 *
 * @param defaultAction the action for system calls no rule matches
 * @param defaultErrnoRet the errno of {@code SCMP_ACT_ERRNO} as default action; EPERM when null
 * @param architectures the architectures the filter covers ({@code SCMP_ARCH_*}); the native one when null
 * @param flags seccomp(2) flags
 * @param syscalls the rules
 */
public record Seccomp(String defaultAction, Integer defaultErrnoRet, List<String> architectures, List<String> flags,
    List<Syscall> syscalls) {

  /**
   * A rule.
   *
   * @param names the system calls it matches
   * @param action {@code SCMP_ACT_*}
   * @param errnoRet the errno of {@code SCMP_ACT_ERRNO}; EPERM when null
   * @param args argument conditions, all of which must hold
   */
  public record Syscall(List<String> names, String action, Integer errnoRet, List<Arg> args) {
  }

  /**
   * An argument condition.
   *
   * @param index the argument's index
   * @param value the value compared with
   * @param valueTwo the second value of {@code SCMP_CMP_MASKED_EQ}
   * @param op {@code SCMP_CMP_*}
   */
  public record Arg(int index, BigInteger value, BigInteger valueTwo, String op) {
  }
}
