/** Blobs by digest for node agents: {@code GET/HEAD /api/v1/blobs/{digest}} with {@code Range}. */
package dev.berth.image.blob;
