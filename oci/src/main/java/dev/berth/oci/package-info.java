/**
 * The OCI image and distribution wire model: content digests, media types, descriptors, image
 * manifests and indexes (OCI and Docker schema 2), read tolerantly and never re-serialized for
 * storage; image references parsed and normalized as Docker does
 * (<a href="https://github.com/distribution/reference">distribution/reference</a>) and platform
 * selection from an index. See <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/spec.md">the OCI
 * image spec</a>; the registry client is in {@link dev.berth.oci.client}.
 */
package dev.berth.oci;
