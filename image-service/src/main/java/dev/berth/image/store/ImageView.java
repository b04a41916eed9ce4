package dev.berth.image.store;

import dev.berth.oci.ImageConfig;
import java.time.Instant;
import java.util.List;

/**
 * An image as the APIs show it.
 *
 * @param id the image ID (config digest)
 * @param repoTags tags in familiar form ({@code httpd:latest})
 * @param repoDigests repository digests in familiar form ({@code httpd@sha256:...})
 * @param created when the image was built, from its config
 * @param size unpacked size of its layers in bytes
 * @param os operating system
 * @param architecture CPU architecture
 * @param variant architecture variant, or null
 * @param manifestDigest digest of its image manifest
 * @param manifestMediaType media type of its image manifest
 * @param config its configuration
 * @param layers diffIDs of its layers, bottom first
 * @param storedAt when it was stored here
 */
public record ImageView(String id, List<String> repoTags, List<String> repoDigests, Instant created, long size,
    String os, String architecture, String variant, String manifestDigest, String manifestMediaType,
    ImageConfig config, List<String> layers, Instant storedAt) {
}
