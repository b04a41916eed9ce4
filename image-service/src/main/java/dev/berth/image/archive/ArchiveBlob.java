package dev.berth.image.archive;

import dev.berth.oci.Digest;
import java.nio.file.Path;

/**
 * A committed blob going into a saved archive.
 *
 * @param digest its digest
 * @param file the content store's file holding it
 * @param size its size in bytes
 */
record ArchiveBlob(Digest digest, Path file, long size) {

  /** Its path in the archive: {@code blobs/<algorithm>/<encoded>}. */
  String path() {
    return "blobs/" + digest.algorithm().id() + "/" + digest.encoded();
  }
}
