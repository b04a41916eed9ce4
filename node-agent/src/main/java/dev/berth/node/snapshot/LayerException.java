package dev.berth.node.snapshot;

import dev.berth.oci.Digest;

/**
 * A layer could not be unpacked: its blob or diffID does not match, it is not a valid tar stream,
 * or an entry is hostile (escapes the snapshot, is absurdly large). The snapshot being unpacked is
 * discarded.
 */
public final class LayerException extends SnapshotException {

  private final transient Digest layer;

  LayerException(Digest layer, String reason, Throwable cause) {
    super("layer " + layer + ": " + reason, cause);
    this.layer = layer;
  }

  /** The digest of the layer blob. */
  public Digest layer() {
    return layer;
  }
}
