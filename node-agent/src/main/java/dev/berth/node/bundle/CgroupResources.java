package dev.berth.node.bundle;

import dev.berth.node.api.Resources;
import dev.berth.node.bundle.spec.LinuxResources;
import java.util.List;

/**
 * Docker's resource options as cgroup limits
 * (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config-linux.md#control-groups">control
 * groups</a>).
 */
public final class CgroupResources {

  /** The CFS period {@code --cpus} uses, in microseconds. */
  static final long NANO_CPUS_PERIOD = 100_000;

  private CgroupResources() {
  }

  /**
   * The limits for {@code resources} with the device rules {@code devices}. Swap follows Docker:
   * only with a memory limit; {@code memorySwap} -1 is unlimited, 0 means twice the memory limit.
   * {@code nanoCpus} sets period 100 ms and the matching quota.
   *
   * @throws IllegalArgumentException when memorySwap is below memory or nanoCpus is combined with a quota or period
   */
  public static LinuxResources of(Resources resources, List<LinuxResources.DeviceCgroup> devices) {
    Resources r = resources == null ? Resources.none() : resources;
    LinuxResources.Memory memory = null;
    if (r.memory() > 0) {
      long swap = r.memorySwap() == 0 ? 2 * r.memory() : r.memorySwap();
      if (swap > 0 && swap < r.memory()) {
        throw new IllegalArgumentException("memory-swap " + swap + " is below the memory limit " + r.memory());
      }
      memory = new LinuxResources.Memory(r.memory(), swap);
    }
    Long quota = positive(r.cpuQuota());
    Long period = positive(r.cpuPeriod());
    if (r.nanoCpus() > 0) {
      if (quota != null || period != null) {
        throw new IllegalArgumentException("nanoCpus cannot be combined with cpuQuota or cpuPeriod");
      }
      period = NANO_CPUS_PERIOD;
      quota = r.nanoCpus() * NANO_CPUS_PERIOD / 1_000_000_000L;
    }
    Long shares = positive(r.cpuShares());
    String cpus = blankToNull(r.cpusetCpus());
    String mems = blankToNull(r.cpusetMems());
    LinuxResources.Cpu cpu = shares == null && quota == null && period == null && cpus == null && mems == null
        ? null
        : new LinuxResources.Cpu(shares, quota, period, cpus, mems);
    LinuxResources.Pids pids = r.pidsLimit() > 0 ? new LinuxResources.Pids(r.pidsLimit()) : null;
    return new LinuxResources(devices, memory, cpu, pids);
  }

  private static Long positive(long value) {
    return value > 0 ? value : null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
