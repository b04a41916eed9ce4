package dev.berth.image.archive;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.ImageManifest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.OciJson;
import dev.berth.oci.Reference;
import dev.berth.oci.content.Compression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * Reads the images of a Docker archive from its spool: {@code manifest.json} names each image's
 * config and layer tars by path, in the classic layout ({@code <id>/layer.tar}, {@code <hex>.json})
 * or docker 25+'s ({@code blobs/sha256/<hex>}). Layers are kept as they come (an uncompressed tar's
 * digest is its diffID) under a synthesized OCI manifest.
 */
final class DockerArchiveReader {

  static final String MANIFEST = "manifest.json";

  private static final Pattern HEX_NAME = Pattern.compile("(?:.*/)?([0-9a-f]{64})(?:\\.json)?");

  private final ArchiveSpool spool;
  private final Function<String, Reference> names;

  /** {@code names} parses a user's image name (against the default registry). */
  DockerArchiveReader(ArchiveSpool spool, Function<String, Reference> names) {
    this.spool = spool;
    this.names = names;
  }

  List<PendingImage> read() {
    List<PendingImage> images = new ArrayList<>();
    for (DockerArchiveManifest entry : entries()) {
      SpooledFile configFile = config(entry);
      ImageConfig config = PendingImage.parseConfig(spool.read(configFile, "image config"), entry.config(),
          entry.layers().size());
      List<PendingBlob> layers = new ArrayList<>();
      for (int i = 0; i < entry.layers().size(); i++) {
        SpooledFile file = spool.file(entry.layers().get(i), MANIFEST);
        layers.add(PendingBlob.layer(file, mediaType(file.compression()), config.diffIds().get(i)));
      }
      PendingBlob configBlob = PendingBlob.of(configFile, MediaTypes.OCI_CONFIG);
      images.add(new PendingImage(config, configBlob, manifest(configBlob, layers), layers, repoTags(entry)));
    }
    return images;
  }

  /** The tags {@code manifest.json} gives each config digest, for a layout that is also an OCI layout. */
  Map<Digest, List<Reference>> repoTagsByConfig() {
    Map<Digest, List<Reference>> tags = new LinkedHashMap<>();
    for (DockerArchiveManifest entry : entries()) {
      tags.put(config(entry).digest(), repoTags(entry));
    }
    return tags;
  }

  private List<DockerArchiveManifest> entries() {
    byte[] bytes = spool.read(spool.file(MANIFEST, "the archive"), "Docker archive manifest");
    DockerArchiveManifest[] entries;
    try {
      entries = OciJson.mapper().readValue(bytes, DockerArchiveManifest[].class);
    } catch (JacksonException e) {
      throw ArchiveSpool.invalid(MANIFEST + " is not valid: " + e.getOriginalMessage());
    }
    List<DockerArchiveManifest> valid = new ArrayList<>();
    for (DockerArchiveManifest entry : entries == null ? new DockerArchiveManifest[0] : entries) {
      if (entry == null || entry.config() == null) {
        throw ArchiveSpool.invalid(MANIFEST + " has an entry without Config");
      }
      valid.add(entry);
    }
    return valid;
  }

  /** The config file of {@code entry}, whose name, when it is a digest, must be its digest. */
  private SpooledFile config(DockerArchiveManifest entry) {
    SpooledFile file = spool.file(entry.config(), MANIFEST);
    var named = HEX_NAME.matcher(file.name());
    if (named.matches() && !named.group(1).equals(file.digest().encoded())) {
      throw ArchiveSpool.invalid("image config " + entry.config() + " does not match its digest: its content is "
          + file.digest());
    }
    return file;
  }

  private List<Reference> repoTags(DockerArchiveManifest entry) {
    List<Reference> tags = new ArrayList<>();
    for (String repoTag : entry.repoTags() == null ? List.<String>of() : entry.repoTags()) {
      Reference reference = names.apply(repoTag);
      if (reference.digest() != null) {
        throw ArchiveSpool.invalid("RepoTag " + repoTag + " is not a tag");
      }
      tags.add(reference);
    }
    return tags;
  }

  private PendingBlob manifest(PendingBlob config, List<PendingBlob> layers) {
    ImageManifest manifest = new ImageManifest(2, MediaTypes.OCI_MANIFEST, null,
        Descriptor.of(config.mediaType(), config.digest(), config.size()),
        layers.stream().map(layer -> Descriptor.of(layer.mediaType(), layer.digest(), layer.size())).toList(),
        null, null);
    byte[] bytes = OciJson.mapper().writeValueAsBytes(manifest);
    Path file = spool.write(bytes);
    return new PendingBlob(Digest.sha256(bytes), MediaTypes.OCI_MANIFEST, bytes.length, file, null, null);
  }

  private static String mediaType(Compression compression) {
    return switch (compression) {
      case GZIP -> MediaTypes.OCI_LAYER_GZIP;
      case ZSTD -> MediaTypes.OCI_LAYER_ZSTD;
      case NONE -> MediaTypes.OCI_LAYER;
    };
  }
}
