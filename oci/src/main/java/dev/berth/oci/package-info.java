/**
 * The OCI image and distribution wire model: content digests, media types, descriptors, image
 * manifests and indexes (OCI and Docker schema 2), read tolerantly and never re-serialized for
 * storage. See <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/spec.md">the OCI
 * image spec</a>.
 */
package dev.berth.oci;
