/**
 * Blobs: committed content known to the registry, the links that let a repository serve it, and
 * the {@code /v2/<name>/blobs/<digest>} endpoints (end-2, end-10) with {@code Range} support and
 * large plain writes.
 */
package dev.berth.registry.blob;
