/**
 * Pulling images from any OCI distribution or Docker Registry V2 registry: platform selection,
 * concurrent layer downloads that stream to disk while their digest is verified and, decompressed
 * in the same pass (gzip, zstd or none), their diffID is checked against the config; downloads
 * resume from where an interrupted pull stopped; progress is reported per layer.
 */
package dev.berth.image.pull;
