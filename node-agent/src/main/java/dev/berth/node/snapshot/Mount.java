package dev.berth.node.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * One filesystem mount, as containerd's {@code mount.Mount}: an overlay with its
 * {@code lowerdir}/{@code upperdir}/{@code workdir} options, or a bind mount of a snapshot
 * directory. A snapshot's root filesystem is a list of these mounted in order on one target, see
 * {@link Mounts}.
 *
 * @param type {@code overlay} or {@code bind}
 * @param source the mounted source: {@code overlay}, or the bound directory
 * @param options mount flags ({@code ro}, {@code rw}, {@code rbind}, {@code nosuid}, {@code nodev})
 *     and filesystem data ({@code key=value})
 */
public record Mount(String type, String source, List<String> options) {

  /** The overlay filesystem type. */
  public static final String OVERLAY = "overlay";
  /** A bind mount. */
  public static final String BIND = "bind";

  public Mount {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    options = options == null ? List.of() : List.copyOf(options);
  }

  /** The value of the {@code key=value} option named {@code key}, or null. */
  public String option(String key) {
    String prefix = key + "=";
    return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length()))
        .findFirst().orElse(null);
  }

  /** Whether this mount is read-only. */
  public boolean readOnly() {
    return options.contains("ro");
  }
}
