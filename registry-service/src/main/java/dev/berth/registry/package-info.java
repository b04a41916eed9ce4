/**
 * registry-service: an OCI Distribution Spec v1.1 and Docker Registry HTTP API V2 server. Blob and
 * manifest bytes live in a content-addressed store on disk; repositories, manifests, tags, blob
 * links, upload sessions and referrers live in PostgreSQL (schema {@code registry}); garbage
 * collection reclaims unreferenced blobs while pushes and pulls go on.
 */
package dev.berth.registry;
