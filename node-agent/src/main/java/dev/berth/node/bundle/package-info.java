/**
 * OCI runtime bundles (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/bundle.md">bundle.md</a>):
 * {@link dev.berth.node.bundle.BundleWriter} turns an image configuration and a container spec into the
 * {@code config.json} runc runs (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config.md">
 * config.md</a>, <a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config-linux.md">
 * config-linux.md</a>) with Docker's defaults — process, user resolved inside the untrusted root
 * filesystem, kernel file system mounts, namespaces, capabilities, masked and read-only paths,
 * seccomp, rlimits, cgroup limits and device rules — plus the container's {@code /etc/hosts},
 * {@code /etc/hostname} and {@code /etc/resolv.conf}, and the {@code process.json} of an exec.
 */
package dev.berth.node.bundle;
