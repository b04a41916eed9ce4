package dev.berth.node.bundle;

import dev.berth.node.bundle.spec.LinuxResources.DeviceCgroup;
import dev.berth.node.bundle.spec.Spec.Mount;
import java.util.List;

/**
 * Docker's default isolation (moby {@code oci/defaults.go}): the kernel file systems every
 * container gets, the kernel paths it may not read or write, and the devices it may use.
 */
public final class DockerDefaults {

  /** Paths made unreadable: they leak host information or let a container disturb the host. */
  public static final List<String> MASKED_PATHS = List.of("/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys",
      "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
      "/sys/firmware", "/sys/devices/virtual/powercap");

  /** Paths made read-only. */
  public static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
      "/proc/sysrq-trigger");

  /**
   * Device cgroup rules: deny everything, then allow mknod of any device and use of the standard
   * character devices (null, zero, full, random, urandom, tty, console, ptmx, pts, tun, fuse).
   */
  public static final List<DeviceCgroup> DEVICES = List.of(
      new DeviceCgroup(false, null, null, null, "rwm"),
      new DeviceCgroup(true, "c", null, null, "m"),
      new DeviceCgroup(true, "b", null, null, "m"),
      charDevice(1L, 3L), charDevice(1L, 5L), charDevice(1L, 7L), charDevice(1L, 8L), charDevice(1L, 9L),
      charDevice(5L, 0L), charDevice(5L, 1L), charDevice(5L, 2L), charDevice(136L, null),
      charDevice(10L, 200L), charDevice(10L, 229L));

  /** Every device allowed: privileged containers. */
  public static final List<DeviceCgroup> ALL_DEVICES = List.of(new DeviceCgroup(true, null, null, null, "rwm"));

  private static final List<String> NOSUID_NOEXEC_NODEV = List.of("nosuid", "noexec", "nodev");

  private DockerDefaults() {
  }

  /**
   * The kernel file system mounts: /proc, /dev, /dev/pts, /sys, /sys/fs/cgroup, /dev/mqueue and a
   * 64 MiB /dev/shm; /sys and the cgroup tree read-only unless privileged.
   */
  public static List<Mount> mounts(boolean privileged) {
    List<String> sys = privileged ? NOSUID_NOEXEC_NODEV : List.of("nosuid", "noexec", "nodev", "ro");
    return List.of(
        new Mount("/proc", "proc", "proc", NOSUID_NOEXEC_NODEV),
        new Mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
        new Mount("/dev/pts", "devpts", "devpts",
            List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
        new Mount("/sys", "sysfs", "sysfs", sys),
        new Mount("/sys/fs/cgroup", "cgroup", "cgroup", privileged ? NOSUID_NOEXEC_NODEV
            : List.of("ro", "nosuid", "noexec", "nodev")),
        new Mount("/dev/mqueue", "mqueue", "mqueue", NOSUID_NOEXEC_NODEV),
        new Mount("/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k")));
  }

  private static DeviceCgroup charDevice(Long major, Long minor) {
    return new DeviceCgroup(true, "c", major, minor, "rwm");
  }
}
