/**
 * image-service: the local image store ("docker images"). Images arrive by pull from any OCI
 * registry (or import and load) and leave by push or save; their bytes live in a content-addressed
 * store on disk, their metadata in PostgreSQL (schema {@code image}); node agents fetch layers
 * from it by digest.
 */
package dev.berth.image;
