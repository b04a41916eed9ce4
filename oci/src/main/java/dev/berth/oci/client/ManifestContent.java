package dev.berth.oci.client;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.Manifest;
import dev.berth.oci.Manifests;
import java.util.Arrays;

/**
 * A manifest as a registry served it: the exact bytes, their media type and their digest (verified
 * against the requested digest or the registry's {@code Docker-Content-Digest}). Store these bytes;
 * never re-serialize the parsed form.
 *
 * @param mediaType one of {@link dev.berth.oci.MediaTypes#MANIFESTS}
 * @param digest    the digest of {@code bytes}
 * @param bytes     the manifest bytes (copied in and out)
 */
public record ManifestContent(String mediaType, Digest digest, byte[] bytes) {

  public ManifestContent {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The size in bytes. */
  public long size() {
    return bytes.length;
  }

  /** A descriptor of this manifest. */
  public Descriptor descriptor() {
    return Descriptor.of(mediaType, digest, bytes.length);
  }

  /**
   * The parsed manifest.
   *
   * @throws dev.berth.oci.InvalidManifestException when the bytes are not a manifest Berth accepts
   */
  public Manifest parse() {
    return Manifests.parse(bytes, mediaType);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ManifestContent m && mediaType.equals(m.mediaType) && digest.equals(m.digest)
        && Arrays.equals(bytes, m.bytes);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  @Override
  public String toString() {
    return "ManifestContent[" + mediaType + ", " + digest + ", " + bytes.length + " bytes]";
  }
}
