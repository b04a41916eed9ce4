package dev.berth.node.bundle.spec;

import java.util.List;

/**
 * cgroup limits (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config-linux.md#control-groups">
 * control groups</a>); null parts are left unset.
 *
 * @param devices device cgroup rules, applied in order
 * @param memory memory limits
 * @param cpu CPU weight, bandwidth and placement
 * @param pids process count limit
 */
public record LinuxResources(List<DeviceCgroup> devices, Memory memory, Cpu cpu, Pids pids) {

  /**
   * A device whitelist rule (<a
   * href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config-linux.md#device-whitelist">device
   * whitelist</a>).
   *
   * @param allow allow or deny
   * @param type {@code a}, {@code c} or {@code b}; all when null
   * @param major the major number; all when null
   * @param minor the minor number; all when null
   * @param access a combination of {@code r}, {@code w} and {@code m}
   */
  public record DeviceCgroup(boolean allow, String type, Long major, Long minor, String access) {
  }

  /**
   * Memory limits in bytes.
   *
   * @param limit the memory limit
   * @param swap the memory plus swap limit; -1 unlimited
   */
  public record Memory(Long limit, Long swap) {
  }

  /**
   * CPU settings.
   *
   * @param shares the relative weight
   * @param quota CFS quota in microseconds per period
   * @param period CFS period in microseconds
   * @param cpus the CPUs it may run on
   * @param mems the memory nodes it may use
   */
  public record Cpu(Long shares, Long quota, Long period, String cpus, String mems) {
  }

  /**
   * The process count limit.
   *
   * @param limit the maximum number of tasks
   */
  public record Pids(long limit) {
  }
}
