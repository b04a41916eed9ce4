/**
 * A content-addressed store on the local filesystem, in the spirit of containerd's content store:
 * committed blobs as files addressed by digest ({@code blobs/<algorithm>/<2 hex>/<encoded>}),
 * ingest files for content still arriving, and a streaming writer that hashes while it copies.
 * Content becomes visible only by an atomic rename after fsync, so a reader never sees a partial
 * blob. {@link dev.berth.oci.content.Compression} tells gzip, zstd and plain layers apart by their
 * magic bytes.
 */
package dev.berth.oci.content;
