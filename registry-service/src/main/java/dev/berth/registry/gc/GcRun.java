package dev.berth.registry.gc;

import java.time.Instant;

/**
 * A garbage collection run as the management API shows it.
 *
 * @param id run number
 * @param trigger {@code schedule} or {@code api}
 * @param startedAt when it started
 * @param finishedAt when it finished; null while running
 * @param blobsDeleted blobs removed
 * @param bytesReclaimed bytes those blobs held
 * @param uploadsPurged idle upload sessions cancelled
 * @param error why it stopped early, or null
 */
public record GcRun(Long id, String trigger, Instant startedAt, Instant finishedAt, long blobsDeleted,
    long bytesReclaimed, long uploadsPurged, String error) {
}
