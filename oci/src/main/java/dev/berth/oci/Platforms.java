package dev.berth.oci;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Platform strings and platform selection from an index, following containerd's
 * <a href="https://github.com/containerd/platforms">platforms</a> normalization: architecture
 * aliases ({@code x86_64} → {@code amd64}, {@code aarch64} → {@code arm64}) and default variants
 * ({@code arm64} is {@code v8}, {@code arm} is {@code v7}).
 */
public final class Platforms {

  /** {@code linux/amd64}, the platform selected when the caller names none. */
  public static final Platform LINUX_AMD64 = of("linux", "amd64", null);

  private Platforms() {
  }

  /** A platform with only os, architecture and variant (nullable). */
  public static Platform of(String os, String architecture, String variant) {
    return new Platform(architecture, os, null, null, variant, null);
  }

  /**
   * Parses {@code os/architecture[/variant]}, e.g. {@code linux/arm64/v8}.
   *
   * @throws IllegalArgumentException when the value has not two or three non-empty parts
   */
  public static Platform parse(String value) {
    String[] parts = value == null ? new String[0] : value.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || List.of(parts).contains("")) {
      throw new IllegalArgumentException("invalid platform \"" + value + "\": expected os/architecture[/variant]");
    }
    return of(parts[0].toLowerCase(Locale.ROOT), parts[1].toLowerCase(Locale.ROOT),
        parts.length == 3 ? parts[2].toLowerCase(Locale.ROOT) : null);
  }

  /** {@code os/architecture[/variant]}. */
  public static String format(Platform platform) {
    return platform.os() + "/" + platform.architecture()
        + (platform.variant() == null || platform.variant().isEmpty() ? "" : "/" + platform.variant());
  }

  /** The platform with the architecture alias resolved and the default variant filled in. */
  public static Platform normalize(Platform platform) {
    String os = lower(platform.os());
    String architecture = lower(platform.architecture());
    String variant = lower(platform.variant());
    switch (architecture == null ? "" : architecture) {
      case "x86_64", "x86-64" -> {
        architecture = "amd64";
        variant = variant == null || variant.equals("v1") ? null : variant;
      }
      case "aarch64", "arm64" -> {
        architecture = "arm64";
        variant = variant == null || variant.equals("8") ? "v8" : variant;
      }
      case "armhf" -> {
        architecture = "arm";
        variant = "v7";
      }
      case "armel" -> {
        architecture = "arm";
        variant = "v6";
      }
      case "arm" -> variant = variant == null || variant.equals("7") ? "v7" : variant;
      case "i386", "i686" -> architecture = "386";
      default -> { }
    }
    return new Platform(architecture, os, platform.osVersion(), platform.osFeatures(), variant, platform.features());
  }

  /**
   * Whether {@code candidate} satisfies {@code wanted}: same os and architecture after
   * normalization, and the same variant unless {@code wanted} names none.
   */
  public static boolean matches(Platform wanted, Platform candidate) {
    if (candidate == null) {
      return false;
    }
    Platform w = normalize(wanted);
    Platform c = normalize(candidate);
    return w.os() != null && w.os().equals(c.os())
        && w.architecture() != null && w.architecture().equals(c.architecture())
        && (wanted.variant() == null || w.variant() == null || w.variant().equals(c.variant()));
  }

  /**
   * The manifest of {@code index} to run on {@code wanted}: the first entry that
   * {@linkplain #matches matches}, preferring the architecture's default variant when
   * {@code wanted} names no variant. Entries without a platform (attestations, artifacts) never match.
   */
  public static Optional<Descriptor> select(ImageIndex index, Platform wanted) {
    List<Descriptor> candidates = index.manifests().stream()
        .filter(d -> MediaTypes.MANIFESTS.contains(d.mediaType()) || d.mediaType() == null)
        .filter(d -> matches(wanted, d.platform()))
        .toList();
    if (candidates.size() > 1 && wanted.variant() == null) {
      String preferred = normalize(wanted).variant();
      for (Descriptor d : candidates) {
        String variant = normalize(d.platform()).variant();
        if (preferred == null ? variant == null : preferred.equals(variant)) {
          return Optional.of(d);
        }
      }
    }
    return candidates.stream().findFirst();
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
