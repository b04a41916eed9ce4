package dev.berth.image.importer;

import dev.berth.image.ImageException;
import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.oci.content.Compression;
import dev.berth.oci.content.TeeInputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Turns a root filesystem tarball (plain, gzip or zstd) into a gzip layer in an ingest file, in one
 * streaming pass: decompress, hash the tar for its diffID while walking its entries to check it is
 * a tar whose names stay inside the root (no absolute names, no {@code ..}, no hard links out),
 * and gzip the same bytes into the ingest file while hashing them for the layer digest.
 */
final class LayerIngest {

  private static final int BUFFER = 1 << 16;

  /**
   * A layer written to an ingest file.
   *
   * @param digest the digest of the gzip blob
   * @param size the blob's size in bytes
   * @param diffId the digest of the uncompressed tar
   * @param uncompressedSize the tar's size in bytes
   */
  record Layer(Digest digest, long size, Digest diffId, long uncompressedSize) {
  }

  private LayerIngest() {
  }

  /**
   * Writes the layer of {@code rootfs} to {@code ingest}.
   *
   * @throws ImageException.InvalidArgument when the body is not a (compressed) tar or names a path
   *     outside the root
   * @throws ImageException.Unavailable when the ingest file cannot be written
   */
  static Layer write(InputStream rootfs, Path ingest) {
    MessageDigest blob = DigestAlgorithm.SHA256.newMessageDigest();
    MessageDigest diff = DigestAlgorithm.SHA256.newMessageDigest();
    long uncompressed;
    try (OutputStream file = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(ingest), BUFFER),
            blob);
         GZIPOutputStream gzip = new GZIPOutputStream(file, BUFFER)) {
      uncompressed = copy(rootfs, gzip, diff);
      gzip.finish();
    } catch (IOException | UncheckedIOException e) {
      throw new ImageException.Unavailable("cannot write the imported layer: " + e.getMessage(), e);
    }
    try {
      return new Layer(Digest.of(DigestAlgorithm.SHA256, blob), Files.size(ingest), Digest.of(DigestAlgorithm.SHA256,
          diff), uncompressed);
    } catch (IOException e) {
      throw new ImageException.Unavailable("cannot read the imported layer back: " + e.getMessage(), e);
    }
  }

  /** Reads the body through the tee into {@code gzip}; returns the tar's size. */
  private static long copy(InputStream rootfs, OutputStream gzip, MessageDigest diff) {
    try {
      BufferedInputStream buffered = new BufferedInputStream(rootfs, BUFFER);
      TeeInputStream tar = new TeeInputStream(Compression.detect(buffered).decompress(buffered), gzip, diff,
          Long.MAX_VALUE);
      check(new TarArchiveInputStream(tar));
      tar.transferTo(OutputStream.nullOutputStream());
      return tar.count();
    } catch (IOException | IllegalArgumentException e) {
      throw new ImageException.InvalidArgument("the body is not a valid tar archive: " + e.getMessage(), e);
    }
  }

  /**
   * Walks the entries (their contents are skipped, still passing through the tee). Names that are
   * absolute in a plain header are refused; commons-compress itself strips the leading slash of
   * absolute PAX and GNU long names, which leaves them inside the root.
   */
  private static void check(TarArchiveInputStream tar) throws IOException {
    int entries = 0;
    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
      entries++;
      checkPath("entry", entry.getName());
      if (entry.isLink()) {
        checkPath("hard link target of " + entry.getName(), entry.getLinkName());
      }
    }
    if (entries == 0) {
      throw new ImageException.InvalidArgument("the body is not a tar archive: it holds no entries");
    }
  }

  private static void checkPath(String what, String name) {
    if (name.startsWith("/")) {
      throw new ImageException.InvalidArgument("refusing tar " + what + " " + name + ": absolute path");
    }
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        throw new ImageException.InvalidArgument("refusing tar " + what + " " + name + ": it leaves the root with ..");
      }
    }
  }

}
