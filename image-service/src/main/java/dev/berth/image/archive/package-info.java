/**
 * {@code docker save} and {@code docker load}: images leave as one tar that is both an OCI image
 * layout (<a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/image-layout.md">image-layout.md</a>)
 * and a Docker archive ({@code manifest.json}, {@code repositories}), as docker 25+ writes it, with
 * blobs streamed from the content store; they arrive from Docker archives (classic or combined) and
 * OCI layouts. Archives are hostile input: every entry is spooled to an ingest file while its digest
 * (and, decompressed in the same pass, its diffID) is computed, names are confined, every reference
 * is verified against digest and size, and nothing is committed until everything verified.
 */
package dev.berth.image.archive;
