package dev.berth.oci.client;

/** How a blob got into the target repository. */
public enum BlobPushOutcome {
  /** The repository already had it; nothing was sent. */
  ALREADY_EXISTS,
  /** The registry linked it from the {@code from} repository (cross-repository mount, 201). */
  MOUNTED,
  /** Its bytes were uploaded. */
  UPLOADED
}
