/**
 * Where the registry keeps blob bytes: a {@link dev.berth.oci.content.FilesystemContentStore}
 * under {@code berth.data-dir}.
 */
package dev.berth.registry.storage;
