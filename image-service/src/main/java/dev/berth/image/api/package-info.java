/**
 * Berth's native image API under {@code /api/v1/images} and {@code /api/v1/blobs}: list, inspect,
 * pull with a streamed NDJSON progress, tag, remove, prune, and blobs by digest for node agents.
 * Errors are RFC 9457 problem details.
 */
package dev.berth.image.api;
