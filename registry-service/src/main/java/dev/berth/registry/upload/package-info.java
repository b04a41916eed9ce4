/**
 * Blob upload sessions (end-4 to end-6, end-11, end-13): monolithic single-request pushes,
 * {@code POST} + {@code PUT}, chunked {@code PATCH} with strictly ordered {@code Content-Range},
 * status, cancel and cross-repository mount. Session state is in PostgreSQL, bytes in an ingest
 * file, the running hash in memory (re-computed from the file when a session moves).
 */
package dev.berth.registry.upload;
