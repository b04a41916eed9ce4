package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code HostConfig}, as a create body carries it (every field may be null) and as inspect
 * shows it ({@link #withDefaults(String)}: what dockerd fills in for fields left out).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HostConfig(
    @JsonProperty("Binds") List<String> binds,
    @JsonProperty("ContainerIDFile") String containerIdFile,
    @JsonProperty("LogConfig") LogConfig logConfig,
    @JsonProperty("NetworkMode") String networkMode,
    @JsonProperty("PortBindings") Map<String, List<PortBindingJson>> portBindings,
    @JsonProperty("RestartPolicy") RestartPolicyJson restartPolicy,
    @JsonProperty("AutoRemove") Boolean autoRemove,
    @JsonProperty("VolumeDriver") String volumeDriver,
    @JsonProperty("VolumesFrom") List<String> volumesFrom,
    @JsonProperty("CapAdd") List<String> capAdd,
    @JsonProperty("CapDrop") List<String> capDrop,
    @JsonProperty("CgroupnsMode") String cgroupnsMode,
    @JsonProperty("Dns") List<String> dns,
    @JsonProperty("DnsOptions") List<String> dnsOptions,
    @JsonProperty("DnsSearch") List<String> dnsSearch,
    @JsonProperty("ExtraHosts") List<String> extraHosts,
    @JsonProperty("IpcMode") String ipcMode,
    @JsonProperty("Links") List<String> links,
    @JsonProperty("PidMode") String pidMode,
    @JsonProperty("Privileged") Boolean privileged,
    @JsonProperty("PublishAllPorts") Boolean publishAllPorts,
    @JsonProperty("ReadonlyRootfs") Boolean readonlyRootfs,
    @JsonProperty("SecurityOpt") List<String> securityOpt,
    @JsonProperty("Tmpfs") Map<String, String> tmpfs,
    @JsonProperty("ShmSize") Long shmSize,
    @JsonProperty("Runtime") String runtime,
    @JsonProperty("CpuShares") Long cpuShares,
    @JsonProperty("Memory") Long memory,
    @JsonProperty("NanoCpus") Long nanoCpus,
    @JsonProperty("CpuPeriod") Long cpuPeriod,
    @JsonProperty("CpuQuota") Long cpuQuota,
    @JsonProperty("CpusetCpus") String cpusetCpus,
    @JsonProperty("CpusetMems") String cpusetMems,
    @JsonProperty("MemorySwap") Long memorySwap,
    @JsonProperty("PidsLimit") Long pidsLimit,
    @JsonProperty("Ulimits") List<UlimitJson> ulimits,
    @JsonProperty("Mounts") List<MountJson> mounts) {

  /** An absent HostConfig. */
  static HostConfig empty() {
    return new HostConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  /**
   * This HostConfig with dockerd's values for the fields left out, as inspect shows it;
   * {@code mode} is the network mode the container has.
   */
  HostConfig withDefaults(String mode) {
    return new HostConfig(binds, or(containerIdFile, ""),
        logConfig == null ? new LogConfig("json-file", Map.of()) : logConfig,
        networkMode == null || networkMode.isEmpty() ? mode : networkMode,
        portBindings == null ? Map.of() : portBindings,
        restartPolicy == null || restartPolicy.name() == null || restartPolicy.name().isEmpty()
            ? new RestartPolicyJson("no", 0) : restartPolicy,
        or(autoRemove, false), or(volumeDriver, ""), volumesFrom, capAdd, capDrop, or(cgroupnsMode, "private"),
        or(dns, List.of()), or(dnsOptions, List.of()), or(dnsSearch, List.of()), extraHosts, or(ipcMode, "private"),
        links, or(pidMode, ""), or(privileged, false), or(publishAllPorts, false), or(readonlyRootfs, false),
        securityOpt, tmpfs, or(shmSize, 67108864L), or(runtime, "runc"), or(cpuShares, 0L), or(memory, 0L),
        or(nanoCpus, 0L), or(cpuPeriod, 0L), or(cpuQuota, 0L), or(cpusetCpus, ""), or(cpusetMems, ""),
        or(memorySwap, 0L), pidsLimit, ulimits, mounts);
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  /** Where the container's logs go. */
  record LogConfig(@JsonProperty("Type") String type, @JsonProperty("Config") Map<String, String> config) {
  }

  /** A host address and port a container port is published on; an empty port picks a free one. */
  record PortBindingJson(@JsonProperty("HostIp") String hostIp, @JsonProperty("HostPort") String hostPort) {
  }

  /** Docker's restart policy. */
  record RestartPolicyJson(@JsonProperty("Name") String name,
      @JsonProperty("MaximumRetryCount") Integer maximumRetryCount) {
  }

  /** An rlimit. */
  record UlimitJson(@JsonProperty("Name") String name, @JsonProperty("Soft") Long soft,
      @JsonProperty("Hard") Long hard) {
  }

  /** A mount of the {@code --mount} kind. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MountJson(@JsonProperty("Type") String type, @JsonProperty("Source") String source,
      @JsonProperty("Target") String target, @JsonProperty("ReadOnly") Boolean readOnly,
      @JsonProperty("TmpfsOptions") TmpfsOptions tmpfsOptions) {
  }

  /** Options of a tmpfs mount. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TmpfsOptions(@JsonProperty("SizeBytes") Long sizeBytes, @JsonProperty("Mode") Integer mode) {
  }
}
