package dev.berth.oci;

import java.util.List;
import java.util.Map;

/**
 * What a registry needs to know of any manifest it stores: the content it references and its
 * referrers metadata. Either an {@link ImageManifest} or an {@link ImageIndex}.
 */
public sealed interface Manifest permits ImageManifest, ImageIndex {

  int schemaVersion();

  String mediaType();

  /** The manifest's {@code subject}, if it refers to another manifest. */
  Descriptor subject();

  Map<String, String> annotations();

  /**
   * The artifact type a referrers listing shows for this manifest: {@code artifactType}, otherwise
   * the config media type of an image manifest.
   */
  String effectiveArtifactType();

  /** Blobs (config and layers) this manifest references. */
  List<Descriptor> blobs();

  /** Manifests this manifest references (children of an index). */
  List<Descriptor> manifests();
}
