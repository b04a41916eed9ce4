package dev.berth.node.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * Layered filesystem snapshots with containerd's lifecycle: {@link #prepare} an active snapshot on
 * top of a committed parent (or {@link #view} it read-only), mount what it returns, write into it,
 * {@link #commit} it under a name (a chain ID for image layers) so that it can be a parent, and
 * {@link #remove} it. Keys and names share one namespace.
 */
public interface Snapshotter {

  /**
   * Creates the writable snapshot {@code key} on top of the committed {@code parent} (null for an
   * empty one) and returns the mounts of its root filesystem.
   */
  List<Mount> prepare(String key, String parent);

  /** Creates the read-only snapshot {@code key} of the committed {@code parent} and returns its mounts. */
  List<Mount> view(String key, String parent);

  /** Turns the active snapshot {@code key} into the committed snapshot {@code name}; the key is gone. */
  void commit(String name, String key);

  /** The mounts of the active snapshot or view {@code key}. */
  List<Mount> mounts(String key);

  /** Removes snapshot {@code key}; a committed snapshot that still has children cannot be removed. */
  void remove(String key);

  /** Marks snapshot {@code key} used now; whether it exists. */
  boolean touch(String key);

  /** All snapshots, with their sizes. */
  List<SnapshotInfo> list();

  /** Bytes all snapshots occupy together. */
  long usage();

  /**
   * Removes the committed snapshots that no active snapshot or view uses, directly or as an
   * ancestor, and that were last used before {@code unusedSince}, children first; returns their names.
   */
  List<String> prune(Instant unusedSince);
}
