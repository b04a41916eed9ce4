/**
 * A streaming client for OCI distribution registries (and Docker Registry HTTP API V2): the pull
 * and push sequences of the <a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md">OCI
 * distribution spec</a> (manifest fetch and push, ranged blob reads, monolithic and chunked
 * uploads, cross-repository mounts) on {@link java.net.http.HttpClient}, with Docker's
 * <a href="https://distribution.github.io/distribution/spec/auth/token/">token authentication</a>
 * and Basic authentication. Blobs are never buffered; manifests are read up to a size cap and
 * returned as the exact bytes received, verified against their digest. {@link
 * dev.berth.oci.client.RegistryClient} is the entry point.
 */
package dev.berth.oci.client;
