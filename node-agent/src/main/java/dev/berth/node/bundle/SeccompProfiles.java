package dev.berth.node.bundle;

import dev.berth.node.bundle.spec.Seccomp;
import dev.berth.oci.OciJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts a seccomp profile in the format of Docker and containers-common
 * ({@code /usr/share/containers/seccomp.json}) into the runtime-spec's {@code linux.seccomp}, with
 * moby's rules ({@code profiles/seccomp.setupSeccomp}): {@code archMap} gives the native
 * architecture and its sub-architectures; a rule is kept only when its {@code excludes} do not
 * match (an excluded architecture is the native one, an excluded capability is in the bounding
 * set, the kernel is at least the excluded minimum) and its {@code includes} all match (the native
 * architecture is listed, every listed capability is in the bounding set, the kernel is at least
 * the minimum). Keys the runtime-spec lacks ({@code comment}, {@code errno}, {@code includes}...) are
 * dropped.
 */
public final class SeccompProfiles {

  /** Java's {@code os.arch} to the Go architecture names profiles use in {@code includes.arches}. */
  private static final Map<String, String> GO_ARCH = Map.of("amd64", "amd64", "x86_64", "amd64",
      "aarch64", "arm64", "ppc64le", "ppc64le", "s390x", "s390x", "riscv64", "riscv64");
  /** The Go architecture names to libseccomp's, as in moby's {@code nativeToSeccomp}. */
  private static final Map<String, String> SECCOMP_ARCH = Map.of("amd64", "SCMP_ARCH_X86_64",
      "arm64", "SCMP_ARCH_AARCH64", "ppc64le", "SCMP_ARCH_PPC64LE", "s390x", "SCMP_ARCH_S390X",
      "riscv64", "SCMP_ARCH_RISCV64");

  private SeccompProfiles() {
  }

  /**
   * The profile as written in the file.
   *
   * @param defaultAction the action for unmatched system calls
   * @param defaultErrnoRet its errno
   * @param architectures explicit architectures (exclusive with {@code archMap})
   * @param archMap native architectures with their sub-architectures
   * @param flags seccomp(2) flags
   * @param syscalls the rules
   */
  public record Profile(String defaultAction, Integer defaultErrnoRet, List<String> architectures,
      List<ArchMap> archMap, List<String> flags, List<Rule> syscalls) {
  }

  /** An architecture with its sub-architectures. */
  public record ArchMap(String architecture, List<String> subArchitectures) {
  }

  /** A rule with its conditions. */
  public record Rule(List<String> names, String name, String action, Integer errnoRet, List<Seccomp.Arg> args,
      Filter includes, Filter excludes) {
  }

  /** Conditions of a rule. */
  public record Filter(List<String> arches, List<String> caps, String minKernel) {
  }

  /** Reads a profile. */
  public static Profile parse(byte[] json) {
    return OciJson.mapper().readValue(json, Profile.class);
  }

  /**
   * The runtime-spec filter of {@code profile} for a container with the bounding set {@code bounding}
   * on this machine's architecture and kernel; null when the profile disables seccomp (no default
   * action and no rules).
   *
   * @throws IllegalArgumentException when the profile sets both {@code architectures} and {@code archMap}
   */
  public static Seccomp convert(Profile profile, List<String> bounding, String osArch, String kernelRelease) {
    if (profile.defaultAction() == null && (profile.syscalls() == null || profile.syscalls().isEmpty())) {
      return null;
    }
    if (notEmpty(profile.architectures()) && notEmpty(profile.archMap())) {
      throw new IllegalArgumentException("seccomp profile: both architectures and archMap are set");
    }
    String arch = GO_ARCH.getOrDefault(osArch, osArch);
    List<String> architectures = new ArrayList<>();
    if (notEmpty(profile.architectures())) {
      architectures.addAll(profile.architectures());
    }
    if (notEmpty(profile.archMap())) {
      for (ArchMap map : profile.archMap()) {
        if (map.architecture().equals(SECCOMP_ARCH.get(arch))) {
          architectures.add(map.architecture());
          if (map.subArchitectures() != null) {
            architectures.addAll(map.subArchitectures());
          }
        }
      }
    }
    List<Seccomp.Syscall> syscalls = new ArrayList<>();
    for (Rule rule : profile.syscalls() == null ? List.<Rule>of() : profile.syscalls()) {
      if (applies(rule, bounding, arch, kernelRelease)) {
        syscalls.add(new Seccomp.Syscall(names(rule), rule.action(), rule.errnoRet(),
            notEmpty(rule.args()) ? rule.args() : null));
      }
    }
    return new Seccomp(profile.defaultAction(), profile.defaultErrnoRet(),
        architectures.isEmpty() ? null : List.copyOf(architectures),
        notEmpty(profile.flags()) ? profile.flags() : null, List.copyOf(syscalls));
  }

  private static boolean applies(Rule rule, List<String> bounding, String arch, String kernel) {
    Filter ex = rule.excludes();
    if (ex != null) {
      if (notEmpty(ex.arches()) && ex.arches().contains(arch)) {
        return false;
      }
      if (notEmpty(ex.caps()) && ex.caps().stream().anyMatch(bounding::contains)) {
        return false;
      }
      if (ex.minKernel() != null && !ex.minKernel().isEmpty() && compareKernel(kernel, ex.minKernel()) >= 0) {
        return false;
      }
    }
    Filter in = rule.includes();
    if (in != null) {
      if (notEmpty(in.arches()) && !in.arches().contains(arch)) {
        return false;
      }
      if (notEmpty(in.caps()) && !bounding.containsAll(in.caps())) {
        return false;
      }
      if (in.minKernel() != null && !in.minKernel().isEmpty() && compareKernel(kernel, in.minKernel()) < 0) {
        return false;
      }
    }
    return true;
  }

  private static List<String> names(Rule rule) {
    List<String> names = new ArrayList<>();
    if (rule.name() != null && !rule.name().isEmpty()) {
      names.add(rule.name());
    }
    if (rule.names() != null) {
      names.addAll(rule.names());
    }
    return List.copyOf(names);
  }

  /** Compares kernel versions by major and minor ({@code 6.18.44-fc} against {@code 4.8}). */
  static int compareKernel(String release, String minimum) {
    int[] a = majorMinor(release);
    int[] b = majorMinor(minimum);
    return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
  }

  private static int[] majorMinor(String version) {
    String[] parts = version.toLowerCase(Locale.ROOT).split("[^0-9]+", 3);
    int minor = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 0;
    return new int[] {Integer.parseInt(parts[0]), minor};
  }

  private static boolean notEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }
}
