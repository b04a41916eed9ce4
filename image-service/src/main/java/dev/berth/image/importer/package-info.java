/**
 * Images made from scratch ({@code docker import}): a root filesystem tarball, plain or compressed,
 * checked and turned into a gzip layer in one streaming pass, with an OCI config built from
 * Docker's {@code --change} instructions and an OCI image manifest, committed and recorded.
 */
package dev.berth.image.importer;
