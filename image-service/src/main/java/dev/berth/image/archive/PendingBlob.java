package dev.berth.image.archive;

import dev.berth.oci.Digest;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A blob of an archive, verified and waiting in its spool file to be committed.
 *
 * @param digest its digest
 * @param mediaType its media type
 * @param size its size in bytes
 * @param file the spool file holding it
 * @param diffId for a layer, the digest of its uncompressed tar; else null
 * @param uncompressedSize for a layer, the size of its uncompressed tar; else null
 */
record PendingBlob(Digest digest, String mediaType, long size, Path file, Digest diffId, Long uncompressedSize) {

  /** A config or manifest held by {@code file}. */
  static PendingBlob of(SpooledFile file, String mediaType) {
    return new PendingBlob(file.digest(), mediaType, file.size(), file.path(), null, null);
  }

  /**
   * The layer held by {@code file}, which must unpack to {@code diffId} (the image config's word).
   *
   * @throws dev.berth.image.ImageException.InvalidArgument when it does not decompress or unpacks to another diffID
   */
  static PendingBlob layer(SpooledFile file, String mediaType, Digest diffId) {
    if (file.diffId() == null) {
      throw ArchiveSpool.invalid("layer " + file.name() + " is not a valid "
          + file.compression().name().toLowerCase(Locale.ROOT) + " stream");
    }
    if (!file.diffId().equals(diffId)) {
      throw ArchiveSpool.invalid("layer " + file.name() + " unpacks to " + file.diffId()
          + " but the image config says " + diffId);
    }
    return new PendingBlob(file.digest(), mediaType, file.size(), file.path(), file.diffId(), file.uncompressedSize());
  }
}
