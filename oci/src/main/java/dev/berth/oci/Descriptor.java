package dev.berth.oci;

import java.util.List;
import java.util.Map;

/**
 * A content descriptor (<a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/descriptor.md">descriptor.md</a>).
 */
public record Descriptor(
    String mediaType,
    Digest digest,
    long size,
    List<String> urls,
    Map<String, String> annotations,
    String artifactType,
    Platform platform) {

  /** A descriptor with only the required fields. */
  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, null, null, null, null);
  }

  /**
   * Whether a registry must hold this content before accepting a manifest that references it:
   * false for non-distributable layers and for layers fetched from external {@code urls}.
   */
  public boolean mustBePresent() {
    return (urls == null || urls.isEmpty()) && !MediaTypes.isNonDistributable(mediaType);
  }
}
