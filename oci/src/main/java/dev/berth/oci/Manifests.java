package dev.berth.oci;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads manifest bytes as received, working out their media type the way
 * <a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md#pushing-manifests">the
 * distribution spec</a> asks: the {@code mediaType} field, else the request's {@code Content-Type},
 * else the shape of the document.
 */
public final class Manifests {

  private Manifests() {
  }

  /**
   * Parses and validates {@code bytes}.
   *
   * @param contentType the {@code Content-Type} the bytes came with, or null
   * @throws InvalidManifestException when the bytes are not a supported, well-formed manifest
   */
  public static Manifest parse(byte[] bytes, String contentType) {
    JsonNode tree;
    try {
      tree = OciJson.mapper().readTree(bytes);
    } catch (JacksonException e) {
      throw new InvalidManifestException("manifest is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidManifestException("manifest is not a JSON object");
    }
    String mediaType = mediaTypeOf(tree, MediaTypes.essence(contentType));
    Manifest manifest;
    try {
      manifest = MediaTypes.INDEXES.contains(mediaType)
          ? OciJson.mapper().treeToValue(tree, ImageIndex.class)
          : OciJson.mapper().treeToValue(tree, ImageManifest.class);
    } catch (JacksonException e) {
      throw new InvalidManifestException("malformed " + mediaType + ": " + e.getOriginalMessage(), e);
    }
    if (manifest.schemaVersion() != 2) {
      throw new InvalidManifestException("schemaVersion must be 2, was " + manifest.schemaVersion());
    }
    validate(manifest, mediaType);
    return withMediaType(manifest, mediaType);
  }

  private static String mediaTypeOf(JsonNode tree, String contentType) {
    JsonNode field = tree.get("mediaType");
    String declared = field == null || field.isNull() ? null : field.asString();
    boolean headerNamesManifest = contentType != null && MediaTypes.MANIFESTS.contains(contentType);
    if (declared != null) {
      if (!MediaTypes.MANIFESTS.contains(declared)) {
        throw new InvalidManifestException("unsupported manifest media type " + declared);
      }
      if (headerNamesManifest && !declared.equals(contentType)) {
        throw new InvalidManifestException(
            "mediaType " + declared + " does not match Content-Type " + contentType);
      }
      return declared;
    }
    if (headerNamesManifest) {
      return contentType;
    }
    if (tree.has("manifests")) {
      return MediaTypes.OCI_INDEX;
    }
    if (tree.has("config")) {
      return MediaTypes.OCI_MANIFEST;
    }
    throw new InvalidManifestException("cannot tell the manifest's media type: no mediaType, Content-Type "
        + contentType + " and neither config nor manifests");
  }

  private static void validate(Manifest manifest, String mediaType) {
    if (manifest instanceof ImageManifest image) {
      if (image.config() == null) {
        throw new InvalidManifestException(mediaType + " has no config");
      }
      requireComplete(image.blobs(), "blob");
    } else {
      requireComplete(manifest.manifests(), "manifest");
    }
    if (manifest.subject() != null) {
      requireComplete(List.of(manifest.subject()), "subject");
    }
  }

  private static void requireComplete(List<Descriptor> descriptors, String what) {
    for (Descriptor d : descriptors) {
      if (d == null || d.digest() == null || d.mediaType() == null || d.mediaType().isBlank()) {
        throw new InvalidManifestException(what + " descriptor lacks digest or mediaType");
      }
      if (d.size() < 0) {
        throw new InvalidManifestException(what + " descriptor " + d.digest() + " has a negative size");
      }
    }
  }

  private static Manifest withMediaType(Manifest manifest, String mediaType) {
    return switch (manifest) {
      case ImageManifest m -> new ImageManifest(m.schemaVersion(), mediaType, m.artifactType(), m.config(),
          m.layers(), m.subject(), m.annotations());
      case ImageIndex i -> new ImageIndex(i.schemaVersion(), mediaType, i.artifactType(), i.manifests(),
          i.subject(), i.annotations());
    };
  }
}
