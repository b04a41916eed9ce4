package dev.berth.image.archive;

import dev.berth.oci.Descriptor;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.ImageIndex;
import dev.berth.oci.ImageManifest;
import dev.berth.oci.InvalidManifestException;
import dev.berth.oci.Manifest;
import dev.berth.oci.Manifests;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.Platform;
import dev.berth.oci.Platforms;
import dev.berth.oci.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the images of an OCI image layout from its spool: each entry of {@code index.json}, nested
 * indexes narrowed to one platform, every descriptor checked against the blob's digest and size.
 * Names come from the {@code io.containerd.image.name} annotation, else from
 * {@code org.opencontainers.image.ref.name} when it is a whole reference rather than a bare tag.
 */
final class OciLayoutReader {

  static final String INDEX = "index.json";
  static final String IMAGE_NAME = "io.containerd.image.name";
  static final String REF_NAME = "org.opencontainers.image.ref.name";

  private static final int MAX_DEPTH = 8;
  private static final Set<String> IMAGE_MANIFESTS = Set.of(MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST);
  private static final Set<String> IMAGE_CONFIGS = Set.of(MediaTypes.OCI_CONFIG, MediaTypes.DOCKER_CONFIG);

  private final ArchiveSpool spool;
  private final Platform platform;
  private final Function<String, Reference> names;

  /** {@code platform} is selected from nested indexes; {@code names} parses a user's image name. */
  OciLayoutReader(ArchiveSpool spool, Platform platform, Function<String, Reference> names) {
    this.spool = spool;
    this.platform = platform;
    this.names = names;
  }

  List<PendingImage> read() {
    ImageIndex index = index(spool.read(spool.file(INDEX, "the archive"), "image index"), INDEX);
    List<PendingImage> images = new ArrayList<>();
    for (Descriptor descriptor : index.manifests()) {
      images.add(image(descriptor, 0).withTags(tags(descriptor)));
    }
    return images;
  }

  private PendingImage image(Descriptor descriptor, int depth) {
    if (MediaTypes.INDEXES.contains(descriptor.mediaType())) {
      if (depth >= MAX_DEPTH) {
        throw ArchiveSpool.invalid("indexes nest deeper than " + MAX_DEPTH + " at " + descriptor.digest());
      }
      ImageIndex nested = index(metadata(descriptor, "index"), descriptor.digest().toString());
      Descriptor selected = Platforms.select(nested, platform).orElseThrow(() -> ArchiveSpool.invalid("index "
          + descriptor.digest() + " has no manifest for platform " + Platforms.format(platform)));
      return image(selected, depth + 1);
    }
    if (!IMAGE_MANIFESTS.contains(descriptor.mediaType())) {
      throw ArchiveSpool.invalid("manifest " + descriptor.digest() + " has unsupported media type "
          + descriptor.mediaType());
    }
    SpooledFile manifestFile = present(descriptor, "manifest");
    ImageManifest manifest = (ImageManifest) parse(metadata(descriptor, "manifest"), descriptor.mediaType(),
        descriptor.digest().toString());
    Descriptor configDescriptor = manifest.config();
    if (!IMAGE_CONFIGS.contains(configDescriptor.mediaType())) {
      throw ArchiveSpool.invalid("manifest " + descriptor.digest() + " is not an image: its config is "
          + configDescriptor.mediaType());
    }
    ImageConfig config = PendingImage.parseConfig(metadata(configDescriptor, "image config"),
        configDescriptor.digest().toString(), manifest.layers().size());
    List<PendingBlob> layers = new ArrayList<>();
    for (int i = 0; i < manifest.layers().size(); i++) {
      Descriptor layer = manifest.layers().get(i);
      layers.add(PendingBlob.layer(present(layer, "layer"), layer.mediaType(), config.diffIds().get(i)));
    }
    return new PendingImage(config, PendingBlob.of(present(configDescriptor, "image config"),
        configDescriptor.mediaType()), PendingBlob.of(manifestFile, manifest.mediaType()), layers, List.of());
  }

  /** The blob {@code descriptor} denotes, which must have the size it declares. */
  private SpooledFile present(Descriptor descriptor, String what) {
    SpooledFile file = spool.blob(descriptor.digest()).orElseThrow(() -> ArchiveSpool.invalid(what + " "
        + descriptor.digest() + " is not in the archive"));
    if (file.size() != descriptor.size()) {
      throw ArchiveSpool.invalid(what + " " + descriptor.digest() + " has " + file.size()
          + " bytes but its descriptor says " + descriptor.size());
    }
    return file;
  }

  private byte[] metadata(Descriptor descriptor, String what) {
    if (descriptor.size() > ArchiveSpool.MAX_METADATA_SIZE) {
      throw ArchiveSpool.invalid(what + " " + descriptor.digest() + " declares " + descriptor.size()
          + " bytes, more than the limit of " + ArchiveSpool.MAX_METADATA_SIZE);
    }
    return spool.read(present(descriptor, what), what);
  }

  private static ImageIndex index(byte[] bytes, String what) {
    if (!(parse(bytes, MediaTypes.OCI_INDEX, what) instanceof ImageIndex index)) {
      throw ArchiveSpool.invalid(what + " is not an index");
    }
    return index;
  }

  private static Manifest parse(byte[] bytes, String mediaType, String what) {
    try {
      return Manifests.parse(bytes, mediaType);
    } catch (InvalidManifestException e) {
      throw ArchiveSpool.invalid(what + " is not a valid " + mediaType + ": " + e.getMessage());
    }
  }

  private List<Reference> tags(Descriptor descriptor) {
    Map<String, String> annotations = descriptor.annotations() == null ? Map.of() : descriptor.annotations();
    String name = annotations.get(IMAGE_NAME);
    String refName = annotations.get(REF_NAME);
    if (name == null && refName != null && (refName.contains(":") || refName.contains("/"))) {
      name = refName;
    }
    if (name == null) {
      return List.of();
    }
    Reference reference = names.apply(name);
    return reference.tag() == null ? List.of() : List.of(reference.withDigest(null));
  }
}
