package dev.berth.node.bundle;

import dev.berth.node.bundle.spec.Process;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Docker's capability rules (moby {@code oci/caps}): a default set, {@code --cap-add} and
 * {@code --cap-drop} with or without the {@code CAP_} prefix and {@code ALL}, every capability when
 * privileged. "Every capability" means every one the agent itself holds in its bounding set, as
 * with podman: runc cannot grant more. The result goes into the bounding, effective and permitted
 * sets; inheritable and ambient stay empty, so a non-root user keeps none after exec.
 */
public final class CapabilitySet {

  /** Docker's default set. */
  public static final List<String> DEFAULTS = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER",
      "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
      "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

  /** Every capability up to Linux 5.9's CAP_CHECKPOINT_RESTORE (40), in number order. */
  public static final List<String> ALL = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH",
      "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
      "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER",
      "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN",
      "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD",
      "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN",
      "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
      "CAP_CHECKPOINT_RESTORE");

  private static final String ALL_KEYWORD = "ALL";

  private CapabilitySet() {
  }

  /**
   * The capabilities of a bounding set as {@code /proc/<pid>/status} shows it ({@code CapBnd:} line).
   *
   * @throws IllegalArgumentException when the status has no bounding set
   */
  public static List<String> bounding(String status) {
    String mask = status.lines().filter(line -> line.startsWith("CapBnd:")).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no CapBnd line in the process status"))
        .substring("CapBnd:".length()).strip();
    long bits = Long.parseUnsignedLong(mask, 16);
    List<String> caps = new ArrayList<>();
    for (int number = 0; number < ALL.size(); number++) {
      if ((bits >>> number & 1) == 1) {
        caps.add(ALL.get(number));
      }
    }
    return List.copyOf(caps);
  }

  /**
   * The capability names of a container.
   *
   * @param available every capability the host can grant ({@link #bounding})
   * @throws IllegalArgumentException for an unknown capability
   */
  public static List<String> of(List<String> capAdd, List<String> capDrop, boolean privileged,
      List<String> available) {
    if (privileged) {
      return available;
    }
    List<String> adds = normalize(capAdd);
    List<String> drops = normalize(capDrop);
    Set<String> caps = new LinkedHashSet<>();
    if (adds.contains(ALL_KEYWORD)) {
      available.stream().filter(cap -> !drops.contains(cap)).forEach(caps::add);
    } else if (drops.contains(ALL_KEYWORD)) {
      caps.addAll(adds);
    } else {
      DEFAULTS.stream().filter(cap -> !drops.contains(cap)).forEach(caps::add);
      caps.addAll(adds);
    }
    return List.copyOf(caps);
  }

  /** The process capability sets for {@code caps}. */
  public static Process.Capabilities sets(List<String> caps) {
    return new Process.Capabilities(caps, caps, List.of(), caps, List.of());
  }

  private static List<String> normalize(List<String> names) {
    if (names == null) {
      return List.of();
    }
    return names.stream().map(name -> {
      String upper = name.strip().toUpperCase(Locale.ROOT);
      if (upper.equals(ALL_KEYWORD)) {
        return upper;
      }
      String cap = upper.startsWith("CAP_") ? upper : "CAP_" + upper;
      if (!ALL.contains(cap)) {
        throw new IllegalArgumentException("unknown capability: " + name);
      }
      return cap;
    }).toList();
  }
}
