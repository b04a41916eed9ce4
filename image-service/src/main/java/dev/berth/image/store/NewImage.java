package dev.berth.image.store;

import dev.berth.oci.Digest;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.Reference;
import java.util.List;

/**
 * An image whose blobs are all committed, to be recorded in the store.
 *
 * @param id the config digest
 * @param config the parsed config
 * @param manifestDigest the image manifest's digest
 * @param manifestMediaType the image manifest's media type
 * @param layers the layer blob digests, bottom first
 * @param size the unpacked size of all layers
 * @param tag the reference to tag it with (tag or digest form), or null
 * @param repoDigest the manifest (or index) digest it has in {@code tag}'s repository, or null
 */
public record NewImage(Digest id, ImageConfig config, Digest manifestDigest, String manifestMediaType,
    List<Digest> layers, long size, Reference tag, Digest repoDigest) {
}
