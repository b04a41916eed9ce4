package dev.berth.registry.manifest;

/**
 * A manifest of a repository as its row holds it; its bytes are the blob {@link #digest()}.
 *
 * @param id row id, which tags and references point at
 * @param digest digest of the stored bytes
 * @param mediaType media type it was pushed with, served with it
 * @param size length of the stored bytes
 * @param artifactType its artifact type, or null
 * @param subject digest of the manifest it refers to, or null
 * @param annotations the manifest's {@code annotations} as a JSON object, or null
 */
public record ManifestRow(long id, String digest, String mediaType, long size, String artifactType, String subject,
    String annotations) {
}
