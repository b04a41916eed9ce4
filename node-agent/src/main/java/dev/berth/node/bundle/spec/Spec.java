package dev.berth.node.bundle.spec;

import java.util.List;
import java.util.Map;

/**
 * The container configuration of an OCI runtime bundle, {@code config.json}
 * (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config.md">config.md</a>): only the
 * parts Berth sets. Absent (null) fields are left out when written.
 *
 * @param ociVersion the runtime-spec version the configuration follows
 * @param process the container's process
 * @param root the root filesystem
 * @param hostname the host name in the container's UTS namespace
 * @param domainname the NIS domain name in the container's UTS namespace (runc ≥ 1.1 reads it)
 * @param mounts mounts in addition to the root filesystem, in mount order
 * @param linux the Linux-specific configuration
 * @param annotations arbitrary metadata for the runtime (crun reads some, such as a compiled seccomp filter)
 */
public record Spec(String ociVersion, Process process, Root root, String hostname, String domainname,
    List<Mount> mounts, Linux linux, Map<String, String> annotations) {

  /** The runtime-spec version Berth writes: what runc 1.1 implements. */
  public static final String OCI_VERSION = "1.0.2";

  /**
   * The root filesystem (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config.md#root">root</a>).
   *
   * @param path the absolute path of the mounted root filesystem
   * @param readonly whether it is read-only in the container
   */
  public record Root(String path, boolean readonly) {
  }

  /**
   * A mount (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config.md#mounts">mounts</a>).
   *
   * @param destination the absolute path in the container
   * @param type the file system type ({@code bind} for bind mounts)
   * @param source a device, a host path or a name such as {@code proc}
   * @param options mount(8) options
   */
  public record Mount(String destination, String type, String source, List<String> options) {
  }
}
