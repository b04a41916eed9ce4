package dev.berth.node.snapshot;

import dev.berth.node.sys.Syscalls;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.content.Compression;
import dev.berth.oci.content.TeeInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * Unpacks one layer into a new snapshot in one streaming pass — HTTP body, blob digest, gzip/zstd
 * decompression, diffID digest, tar — and commits the snapshot under its chain ID only when both
 * digests match. Until then it is an active snapshot whose key starts with {@link #KEY_PREFIX},
 * which is discarded on failure and removed at the next start after a crash: a half-unpacked layer
 * is never committed.
 */
final class LayerUnpack {

  /** Keys of the active snapshots layers are unpacked into (and init layers written into). */
  static final String KEY_PREFIX = "unpack-";

  private static final int BUFFER = 1 << 16;

  private final Snapshotter snapshotter;
  private final ImageServiceBlobs blobs;
  private final TarUnpacker unpacker;

  LayerUnpack(Snapshotter snapshotter, ImageServiceBlobs blobs, TarUnpacker unpacker) {
    this.snapshotter = snapshotter;
    this.blobs = blobs;
    this.unpacker = unpacker;
  }

  /** Unpacks {@code layer} on top of {@code parent} and commits it as {@code chainId}. */
  void unpack(String chainId, String parent, Descriptor layer, Digest diffId) throws InterruptedException {
    try {
      commitNew(snapshotter, chainId, parent, dirs -> {
        try (InputStream body = blobs.open(layer.digest()).body()) {
          apply(body, dirs, layer, diffId);
        }
      });
    } catch (UnsafeEntryException e) {
      throw new LayerException(layer.digest(), e.getMessage(), e);
    } catch (IOException e) {
      throw new LayerException(layer.digest(), "cannot unpack: " + e.getMessage(), e);
    }
  }

  /** What goes into a new snapshot's upper directory. */
  @FunctionalInterface
  interface Content {
    void write(LayerDirs dirs) throws IOException, InterruptedException;
  }

  /**
   * Writes {@code content} into an active snapshot over {@code parent} keyed with {@link #KEY_PREFIX},
   * flushes it to disk and commits it as {@code name}; on any failure the active snapshot is removed.
   */
  static void commitNew(Snapshotter snapshotter, String name, String parent, Content content)
      throws IOException, InterruptedException {
    String key = KEY_PREFIX + UUID.randomUUID() + " " + name;
    LayerDirs dirs = LayerDirs.of(snapshotter.prepare(key, parent));
    boolean committed = false;
    try {
      content.write(dirs);
      Syscalls.syncFilesystem(dirs.upper());
      snapshotter.commit(name, key);
      committed = true;
    } finally {
      if (!committed) {
        snapshotter.remove(key);
      }
    }
  }

  private void apply(InputStream body, LayerDirs dirs, Descriptor layer, Digest diffId) throws IOException {
    MessageDigest blobHash = layer.digest().algorithm().newMessageDigest();
    TeeInputStream counted = new TeeInputStream(body, OutputStream.nullOutputStream(), blobHash, layer.size());
    BufferedInputStream compressed = new BufferedInputStream(counted, BUFFER);
    MessageDigest diffHash = diffId.algorithm().newMessageDigest();
    InputStream tar = new DigestInputStream(Compression.detect(compressed).decompress(compressed), diffHash);
    unpacker.unpack(tar, dirs);
    tar.transferTo(OutputStream.nullOutputStream());
    compressed.transferTo(OutputStream.nullOutputStream());
    Digest actual = Digest.of(layer.digest().algorithm(), blobHash);
    if (counted.count() != layer.size() || !actual.equals(layer.digest())) {
      throw new LayerException(layer.digest(), "the blob received (" + counted.count() + " bytes) has digest "
          + actual + ", expected " + layer.size() + " bytes", null);
    }
    Digest actualDiffId = Digest.of(diffId.algorithm(), diffHash);
    if (!actualDiffId.equals(diffId)) {
      throw new LayerException(layer.digest(), "the uncompressed layer has digest " + actualDiffId
          + ", but the config names diffID " + diffId, null);
    }
  }
}
