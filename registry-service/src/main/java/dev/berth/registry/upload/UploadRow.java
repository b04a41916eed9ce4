package dev.berth.registry.upload;

import java.util.UUID;

/**
 * An upload session as its row holds it.
 *
 * @param id session id, also the name of its ingest file
 * @param repositoryId the repository it uploads to
 * @param size bytes received so far
 */
record UploadRow(UUID id, long repositoryId, long size) {
}
