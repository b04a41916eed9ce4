package dev.berth.oci.client;

import dev.berth.oci.Digest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The URL of a blob upload session, taken from a {@code Location} header: relative or absolute,
 * opaque to the client, its query (e.g. distribution's signed {@code _state}) kept as received
 * (<a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md#pushing-blobs">pushing blobs</a>).
 *
 * @param uri the absolute session URL
 */
record UploadLocation(URI uri) {

  /**
   * Resolves {@code location} against the URL of the request it answered.
   *
   * @throws RegistryException when the header is missing or not a URI reference
   */
  static UploadLocation resolve(URI requestUri, String location) throws RegistryException {
    if (location == null || location.isBlank()) {
      throw new RegistryException("upload response from " + requestUri + " has no Location header", 0, null);
    }
    try {
      return new UploadLocation(requestUri.resolve(URI.create(location.trim())));
    } catch (IllegalArgumentException e) {
      throw new RegistryException("upload Location \"" + location + "\" is not a URI", 0, null, e);
    }
  }

  /** The session URL with {@code digest=<digest>} added to its query, for the closing PUT. */
  URI withDigest(Digest digest) {
    String parameter = "digest=" + URLEncoder.encode(digest.toString(), StandardCharsets.UTF_8);
    String raw = uri.toString();
    int hash = raw.indexOf('#');
    String base = hash < 0 ? raw : raw.substring(0, hash);
    String separator = uri.getRawQuery() == null ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
    return URI.create(base + separator + parameter);
  }
}
