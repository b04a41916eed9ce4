/**
 * The referrers API (end-12, distribution spec v1.1): manifests whose {@code subject} is a given
 * digest, as an OCI image index, optionally filtered by {@code artifactType}.
 */
package dev.berth.registry.referrer;
