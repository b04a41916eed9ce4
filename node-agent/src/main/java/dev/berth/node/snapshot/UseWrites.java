package dev.berth.node.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a snapshot's last use is worth writing to its record again. Every container start touches its
 * image's snapshots; writing each touch (a temporary file and a rename, under the snapshotter's
 * lock) serialized starts that run at once. The time in memory stays exact; the one on disk — read
 * only after a restart, by garbage collection with a grace period of minutes — may lag by up to
 * {@link #INTERVAL}.
 */
final class UseWrites {

  /** How stale a snapshot's last use on disk may be. */
  static final Duration INTERVAL = Duration.ofSeconds(30);

  private final Map<Long, Instant> written = new ConcurrentHashMap<>();

  /** Whether a use at {@code now} of snapshot {@code id} should be written; if so, it counts as written. */
  boolean due(long id, Instant now) {
    Instant last = written.get(id);
    if (last != null && now.isBefore(last.plus(INTERVAL)) && !now.isBefore(last)) {
      return false;
    }
    written.put(id, now);
    return true;
  }

  /** Forgets a removed snapshot. */
  void forget(long id) {
    written.remove(id);
  }
}
