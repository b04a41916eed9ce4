package dev.berth.oci;

import java.util.List;
import java.util.Map;

/**
 * An image index: OCI (<a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/image-index.md">image-index.md</a>)
 * or a Docker manifest list, which shares its shape.
 */
public record ImageIndex(
    int schemaVersion,
    String mediaType,
    String artifactType,
    List<Descriptor> manifests,
    Descriptor subject,
    Map<String, String> annotations) implements Manifest {

  public ImageIndex {
    manifests = manifests == null ? List.of() : List.copyOf(manifests);
  }

  @Override
  public String effectiveArtifactType() {
    return artifactType;
  }

  @Override
  public List<Descriptor> blobs() {
    return List.of();
  }
}
