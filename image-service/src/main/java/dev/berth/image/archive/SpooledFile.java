package dev.berth.image.archive;

import dev.berth.oci.Digest;
import dev.berth.oci.content.Compression;
import java.nio.file.Path;

/**
 * A regular file of an archive, spooled to an ingest file.
 *
 * @param name its entry name, normalized
 * @param path the ingest file holding its bytes
 * @param size its size in bytes
 * @param digest the digest of its bytes (in the algorithm its {@code blobs/<algorithm>/} path names, else SHA-256)
 * @param compression the compression its first bytes announce
 * @param diffId the SHA-256 digest of its decompressed bytes, or null when they do not decompress
 * @param uncompressedSize the size of its decompressed bytes
 */
record SpooledFile(String name, Path path, long size, Digest digest, Compression compression, Digest diffId,
    long uncompressedSize) {
}
