package dev.berth.node.snapshot;

import java.time.Instant;

/**
 * What the snapshotter knows of one snapshot.
 *
 * @param key the key of an active snapshot or view, the name of a committed one
 * @param kind active, view or committed
 * @param parent the committed snapshot this one is on top of, or null
 * @param size bytes its own files occupy (without its parents')
 * @param created when it was prepared
 * @param used when it last got a child or was {@linkplain Snapshotter#touch touched}; garbage
 *     collection removes committed snapshots unused for longer than its grace period
 */
public record SnapshotInfo(String key, Kind kind, String parent, long size, Instant created, Instant used) {

  /** The kinds of snapshot, as in containerd. */
  public enum Kind {
    /** Writable, on top of its parent; becomes committed by {@link Snapshotter#commit}. */
    ACTIVE,
    /** A read-only view of its parent. */
    VIEW,
    /** Immutable: a parent for other snapshots. */
    COMMITTED
  }
}
