package dev.berth.registry.gc;

import dev.berth.oci.Digest;
import dev.berth.registry.RegistryProperties;
import dev.berth.registry.blob.BlobRepository;
import dev.berth.oci.content.ContentStore;
import dev.berth.registry.upload.UploadService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Reclaims unreferenced blobs online. Marking is one query over references; sweeping takes each
 * candidate in its own short transaction: lock the row (skipping rows someone holds), re-check
 * references with a fresh snapshot, move the file to the trash, delete the row, commit, then
 * empty the trash, or put the file back if the transaction failed.
 */
@Service
public class GarbageCollector {

  /** Thrown when a run is asked for while one is going on. */
  public static class AlreadyRunning extends RuntimeException {
    AlreadyRunning() {
      super("a garbage collection run is in progress");
    }
  }

  /** What a run has reclaimed so far; a run that fails records what it did up to then. */
  private static final class Tally {
    long blobsDeleted;
    long bytesReclaimed;
    long uploadsPurged;
  }

  private static final Logger log = LoggerFactory.getLogger(GarbageCollector.class);
  private static final int BATCH = 500;

  private final BlobRepository blobs;
  private final UploadService uploads;
  private final ContentStore store;
  private final GcRunRepository runs;
  private final TransactionOperations tx;
  private final RegistryProperties.Gc settings;
  private final AtomicBoolean running = new AtomicBoolean();
  private final Timer duration;
  private final Counter reclaimed;

  GarbageCollector(BlobRepository blobs, UploadService uploads, ContentStore store, GcRunRepository runs,
      TransactionOperations tx, RegistryProperties properties, MeterRegistry meters) {
    this.blobs = blobs;
    this.uploads = uploads;
    this.store = store;
    this.runs = runs;
    this.tx = tx;
    this.settings = properties.gc();
    this.duration = Timer.builder("berth.registry.gc.run").description("garbage collection runs").register(meters);
    this.reclaimed = Counter.builder("berth.registry.gc.reclaimed").baseUnit("bytes")
        .description("bytes reclaimed by garbage collection").register(meters);
  }

  /** Runs garbage collection with the configured grace period. */
  public GcRun run(String trigger) {
    return run(trigger, settings.gracePeriod());
  }

  /**
   * Runs garbage collection now, sparing blobs used within {@code grace}.
   *
   * @throws AlreadyRunning when a run is in progress
   */
  public GcRun run(String trigger, Duration grace) {
    if (!running.compareAndSet(false, true)) {
      throw new AlreadyRunning();
    }
    try {
      long id = runs.start(trigger).id();
      Tally tally = new Tally();
      String error = null;
      try {
        duration.record(() -> collect(tally, grace));
        log.info("garbage collection {} reclaimed {} blobs ({} bytes), purged {} uploads", id, tally.blobsDeleted,
            tally.bytesReclaimed, tally.uploadsPurged);
      } catch (RuntimeException e) {
        log.error("garbage collection {} failed", id, e);
        error = e.getMessage();
      }
      return runs.finish(id, tally.blobsDeleted, tally.bytesReclaimed, tally.uploadsPurged, error);
    } finally {
      running.set(false);
    }
  }

  public List<GcRun> recent(int limit) {
    return runs.findRecent(limit);
  }

  private void collect(Tally tally, Duration grace) {
    try {
      tally.uploadsPurged += uploads.purgeIdle(settings.uploadExpiry());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double graceSeconds = grace.toMillis() / 1000.0;
    String after = "";
    List<String> candidates;
    do {
      candidates = blobs.findCollectable(after, graceSeconds, BATCH);
      for (String digest : candidates) {
        long size = sweep(digest, graceSeconds);
        if (size >= 0) {
          tally.blobsDeleted++;
          tally.bytesReclaimed += size;
          reclaimed.increment(size);
        }
      }
      if (!candidates.isEmpty()) {
        after = candidates.getLast();
      }
    } while (candidates.size() == BATCH);
  }

  /** Deletes one blob if it is still collectable; returns its size, or -1 when it was spared. */
  private long sweep(String digest, double graceSeconds) {
    Digest parsed = Digest.parse(digest);
    AtomicReference<Path> trashed = new AtomicReference<>();
    Long size;
    try {
      size = tx.execute(status -> {
        Optional<Long> locked = blobs.lockCollectable(digest, graceSeconds);
        if (locked.isEmpty() || blobs.isReferenced(digest)) {
          return null;
        }
        try {
          store.trash(parsed).ifPresent(trashed::set);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot move " + digest + " to the trash", e);
        }
        blobs.deleteRow(digest);
        return locked.get();
      });
    } catch (RuntimeException e) {
      restore(trashed.get(), parsed);
      throw e;
    }
    if (trashed.get() != null) {
      try {
        store.delete(trashed.get());
      } catch (IOException e) {
        log.warn("cannot empty trash file {}; it goes at the next start", trashed.get(), e);
      }
    }
    return size == null ? -1 : size;
  }

  private void restore(Path trashed, Digest digest) {
    if (trashed == null) {
      return;
    }
    try {
      store.restore(trashed, digest);
    } catch (IOException e) {
      log.error("cannot restore {} from the trash at {}", digest, trashed, e);
    }
  }
}
