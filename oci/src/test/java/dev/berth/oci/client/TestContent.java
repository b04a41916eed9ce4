package dev.berth.oci.client;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.oci.ImageIndex;
import dev.berth.oci.ImageManifest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.OciJson;
import dev.berth.oci.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;

/** Blobs written to files and manifests built around them, for integration tests. */
final class TestContent {

  /** A blob on disk and its descriptor. */
  record Blob(Path file, Descriptor descriptor) {
    Digest digest() {
      return descriptor.digest();
    }

    long size() {
      return descriptor.size();
    }
  }

  private TestContent() {
  }

  /** {@code size} pseudo-random bytes from {@code seed}, written in 1 MiB pieces. */
  static Blob randomLayer(Path dir, long size, long seed) throws IOException {
    Path file = Files.createTempFile(dir, "layer", ".bin");
    MessageDigest hash = DigestAlgorithm.SHA256.newMessageDigest();
    Random random = new Random(seed);
    byte[] piece = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= piece.length) {
        random.nextBytes(piece);
        int n = (int) Math.min(piece.length, left);
        out.write(piece, 0, n);
        hash.update(piece, 0, n);
      }
    }
    return new Blob(file, Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.of(DigestAlgorithm.SHA256, hash), size));
  }

  /** An image config for {@code os/architecture}. */
  static Blob config(Path dir, String mediaType, String os, String architecture) throws IOException {
    byte[] bytes = ("{\"architecture\":\"" + architecture + "\",\"os\":\"" + os
        + "\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"config\":{}}").getBytes(StandardCharsets.UTF_8);
    Path file = Files.createTempFile(dir, "config", ".json");
    Files.write(file, bytes);
    return new Blob(file, Descriptor.of(mediaType, Digest.sha256(bytes), bytes.length));
  }

  static byte[] imageManifest(String mediaType, Descriptor config, List<Descriptor> layers) {
    return OciJson.mapper().writeValueAsBytes(new ImageManifest(2, mediaType, null, config, layers, null, null));
  }

  static byte[] index(String mediaType, List<Descriptor> manifests) {
    return OciJson.mapper().writeValueAsBytes(new ImageIndex(2, mediaType, null, manifests, null, null));
  }

  /** {@code manifest} as an index entry for {@code platform}. */
  static Descriptor entry(String mediaType, byte[] manifest, Platform platform) {
    return new Descriptor(mediaType, Digest.sha256(manifest), manifest.length, null, null, null, platform);
  }

  /** The SHA-256 digest of everything {@code in} delivers. */
  static Digest digestOf(InputStream in) throws IOException {
    MessageDigest hash = DigestAlgorithm.SHA256.newMessageDigest();
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      hash.update(buffer, 0, n);
    }
    return Digest.of(DigestAlgorithm.SHA256, hash);
  }

  /** A hash state over the first {@code length} bytes of {@code file}. */
  static MessageDigest hashOfPrefix(Path file, long length) throws IOException {
    MessageDigest hash = DigestAlgorithm.SHA256.newMessageDigest();
    try (InputStream in = Files.newInputStream(file)) {
      hash.update(in.readNBytes((int) length));
    }
    return hash;
  }
}
