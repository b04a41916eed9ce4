package dev.berth.node.snapshot;

import dev.berth.oci.ImageConfig;

/**
 * An image whose layers are all committed snapshots.
 *
 * @param manifestDigest the manifest (or index) digest the image was prepared from
 * @param config the image's configuration
 * @param chainId the committed snapshot of the topmost layer; null for an image without layers
 * @param base the committed snapshot the image's containers are prepared from: its {@link InitLayer}
 */
public record PreparedImage(String manifestDigest, ImageConfig config, String chainId, String base) {
}
