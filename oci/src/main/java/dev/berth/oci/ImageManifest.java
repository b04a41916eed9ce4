package dev.berth.oci;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An image manifest: OCI (<a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/manifest.md">manifest.md</a>)
 * or Docker schema 2, which shares its shape.
 */
public record ImageManifest(
    int schemaVersion,
    String mediaType,
    String artifactType,
    Descriptor config,
    List<Descriptor> layers,
    Descriptor subject,
    Map<String, String> annotations) implements Manifest {

  public ImageManifest {
    layers = layers == null ? List.of() : List.copyOf(layers);
  }

  @Override
  public String effectiveArtifactType() {
    return artifactType != null ? artifactType : config == null ? null : config.mediaType();
  }

  @Override
  public List<Descriptor> blobs() {
    List<Descriptor> blobs = new ArrayList<>(layers.size() + 1);
    if (config != null) {
      blobs.add(config);
    }
    blobs.addAll(layers);
    return blobs;
  }

  @Override
  public List<Descriptor> manifests() {
    return List.of();
  }
}
