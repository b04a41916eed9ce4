/**
 * The image store: blobs committed to the content store, images (a config, a manifest, layers),
 * tags and repository digests, name resolution as Docker does it (id, id prefix, name:tag,
 * name@digest) and removal that frees blobs no image uses any more.
 */
package dev.berth.image.store;
