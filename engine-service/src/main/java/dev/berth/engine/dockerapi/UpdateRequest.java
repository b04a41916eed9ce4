package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.node.api.ContainerUpdate;
import dev.berth.node.api.Resources;

/**
 * The body of {@code POST /containers/{id}/update} ({@code docker update}): the limits to change,
 * each left as it is when absent, and optionally a new restart policy.
 */
record UpdateRequest(
    @JsonProperty("Memory") Long memory,
    @JsonProperty("MemorySwap") Long memorySwap,
    @JsonProperty("NanoCpus") Long nanoCpus,
    @JsonProperty("CpuShares") Long cpuShares,
    @JsonProperty("CpuPeriod") Long cpuPeriod,
    @JsonProperty("CpuQuota") Long cpuQuota,
    @JsonProperty("CpusetCpus") String cpusetCpus,
    @JsonProperty("CpusetMems") String cpusetMems,
    @JsonProperty("PidsLimit") Long pidsLimit,
    @JsonProperty("RestartPolicy") HostConfig.RestartPolicyJson restartPolicy) {

  /** The update of a container whose limits are {@code current}. */
  ContainerUpdate over(Resources current) {
    Resources base = current == null ? Resources.none() : current;
    Resources resources = new Resources(or(memory, base.memory()), or(memorySwap, base.memorySwap()),
        or(cpuShares, base.cpuShares()), or(cpuPeriod, base.cpuPeriod()), or(cpuQuota, base.cpuQuota()),
        or(nanoCpus, base.nanoCpus()), cpusetCpus == null || cpusetCpus.isEmpty() ? base.cpusetCpus() : cpusetCpus,
        cpusetMems == null || cpusetMems.isEmpty() ? base.cpusetMems() : cpusetMems, or(pidsLimit, base.pidsLimit()));
    return new ContainerUpdate(resources, restartPolicy == null || restartPolicy.name() == null
        || restartPolicy.name().isEmpty() ? null : ContainerSpecs.restartPolicy(restartPolicy));
  }

  private static long or(Long given, long current) {
    return given == null || given == 0 ? current : given;
  }
}
