package dev.berth.image.archive;

import dev.berth.oci.Reference;
import java.util.List;

/**
 * An image to save, with the blobs its archive entries hold.
 *
 * @param id its image ID
 * @param tags the tags it is saved with (canonical references), empty when saved by ID
 * @param manifest its image manifest
 * @param manifestMediaType the manifest's media type
 * @param config its config
 * @param layers its layers, bottom first
 */
public record SavedImage(String id, List<Reference> tags, ArchiveBlob manifest, String manifestMediaType,
    ArchiveBlob config, List<ArchiveBlob> layers) {

  public SavedImage {
    tags = List.copyOf(tags);
    layers = List.copyOf(layers);
  }
}
