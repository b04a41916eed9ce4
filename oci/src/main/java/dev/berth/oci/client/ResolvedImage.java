package dev.berth.oci.client;

import dev.berth.oci.ImageManifest;

/**
 * What a reference resolved to for one platform: the image manifest to run, and the index it was
 * selected from when the reference named an index (OCI image index or Docker manifest list).
 *
 * @param index    the index, or null when the reference named an image manifest directly
 * @param manifest the image manifest for the platform
 */
public record ResolvedImage(ManifestContent index, ManifestContent manifest) {

  /** The parsed image manifest: its config and layers. */
  public ImageManifest imageManifest() {
    return (ImageManifest) manifest.parse();
  }
}
