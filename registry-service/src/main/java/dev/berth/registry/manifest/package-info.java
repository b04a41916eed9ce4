/**
 * Manifests (end-3, end-7, end-9): stored as the exact bytes received, addressed by the digest of
 * those bytes, accepted only when every blob and child manifest they need is present, served with
 * their stored media type under {@code Accept} negotiation.
 */
package dev.berth.registry.manifest;
