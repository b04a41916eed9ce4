package dev.berth.oci.client;

/**
 * How to push one blob.
 *
 * @param chunkSize   blobs up to this size go in one {@code PUT}; larger ones in {@code PATCH}
 *                    chunks of this size (raised to the registry's {@code OCI-Chunk-Min-Length})
 * @param mountFrom   a repository on the same registry that may hold the blob, to try a
 *                    cross-repository mount first; or null
 * @param progress    told the bytes sent so far
 */
public record UploadOptions(long chunkSize, String mountFrom, TransferProgress progress) {

  /** 8 MiB: distribution and most registries take chunks of any size; S3-backed ones need 5 MiB. */
  public static final long DEFAULT_CHUNK_SIZE = 8L << 20;

  public UploadOptions {
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("chunkSize must be positive, was " + chunkSize);
    }
    progress = progress == null ? TransferProgress.NONE : progress;
  }

  /** The default chunk size, no mount, no progress. */
  public static UploadOptions defaults() {
    return new UploadOptions(DEFAULT_CHUNK_SIZE, null, TransferProgress.NONE);
  }

  public UploadOptions withChunkSize(long size) {
    return new UploadOptions(size, mountFrom, progress);
  }

  public UploadOptions withMountFrom(String repository) {
    return new UploadOptions(chunkSize, repository, progress);
  }

  public UploadOptions withProgress(TransferProgress listener) {
    return new UploadOptions(chunkSize, mountFrom, listener);
  }
}
