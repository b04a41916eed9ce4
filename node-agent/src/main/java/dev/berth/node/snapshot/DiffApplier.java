package dev.berth.node.snapshot;

import java.io.IOException;
import java.io.InputStream;

/**
 * Applies a layer tar (a container's changes as {@link DiffWriter} writes them, carried from
 * another node) to the upper directory of an active snapshot, with the same rules as image layers:
 * whiteouts honoured, nothing written outside it. The snapshot must not be mounted meanwhile.
 */
public final class DiffApplier {

  private final Snapshotter snapshotter;
  private final TarUnpacker unpacker;

  DiffApplier(Snapshotter snapshotter, long maxEntrySize) {
    this.snapshotter = snapshotter;
    this.unpacker = new TarUnpacker(maxEntrySize);
  }

  /** Unpacks the uncompressed layer tar {@code in} onto the active snapshot {@code activeKey}. */
  public void apply(String activeKey, InputStream in) throws IOException {
    LayerDirs dirs = LayerDirs.of(snapshotter.mounts(activeKey));
    if (dirs.upper() == null) {
      throw new SnapshotException.FailedPrecondition("snapshot " + activeKey + " is not writable");
    }
    unpacker.unpack(in, dirs);
  }
}
