package dev.berth.image.archive;

import dev.berth.oci.Digest;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.OciJson;
import dev.berth.oci.Reference;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * An image of an archive whose blobs are all verified, waiting to be committed.
 *
 * @param config its parsed config
 * @param configBlob its config blob; the digest is the image ID
 * @param manifest its image manifest, as the archive had it or synthesized for a Docker archive
 * @param layers its layers, bottom first
 * @param tags the tags the archive gives it
 */
record PendingImage(ImageConfig config, PendingBlob configBlob, PendingBlob manifest, List<PendingBlob> layers,
    List<Reference> tags) {

  PendingImage {
    layers = List.copyOf(layers);
    tags = List.copyOf(tags);
  }

  Digest id() {
    return configBlob.digest();
  }

  /** The unpacked size of its layers. */
  long size() {
    return layers.stream().mapToLong(PendingBlob::uncompressedSize).sum();
  }

  /** Its layers, config and manifest. */
  List<PendingBlob> blobs() {
    List<PendingBlob> blobs = new ArrayList<>(layers);
    blobs.add(configBlob);
    blobs.add(manifest);
    return blobs;
  }

  PendingImage withTags(List<Reference> tags) {
    return new PendingImage(config, configBlob, manifest, layers, tags);
  }

  /** Parses config bytes, which must list one diffID per layer of {@code layerCount}. */
  static ImageConfig parseConfig(byte[] bytes, String what, int layerCount) {
    ImageConfig config;
    try {
      config = OciJson.mapper().readValue(bytes, ImageConfig.class);
    } catch (JacksonException e) {
      throw ArchiveSpool.invalid("image config " + what + " is not valid: " + e.getOriginalMessage());
    }
    if (config == null || config.diffIds().size() != layerCount) {
      throw ArchiveSpool.invalid("image config " + what + " lists " + (config == null ? 0 : config.diffIds().size())
          + " diffIDs for " + layerCount + " layers");
    }
    return config;
  }
}
