package dev.berth.image.store;

import dev.berth.image.ImageProperties;
import dev.berth.oci.content.ContentStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Removes stored blobs that no image uses and nothing used within the grace period (those of a
 * pull that failed after some layers completed, say), and ingest files no writer finished. Rows
 * are locked and deleted in short transactions; files go once those committed. A pull finding a
 * blob again touches its row first, so the two never both win.
 */
@Service
public class BlobSweep {

  /** What a sweep removed. */
  public record Swept(int blobs, long bytes, int ingests) {
  }

  private static final Logger log = LoggerFactory.getLogger(BlobSweep.class);
  private static final int BATCH = 500;

  private final BlobRepository blobs;
  private final BlobFiles files;
  private final ContentStore content;
  private final TransactionOperations tx;
  private final ImageProperties.BlobSweep settings;

  BlobSweep(BlobRepository blobs, BlobFiles files, ContentStore content, TransactionOperations tx,
      ImageProperties properties) {
    this.blobs = blobs;
    this.files = files;
    this.content = content;
    this.tx = tx;
    this.settings = properties.blobSweep();
  }

  /** Sweeps with the configured grace period. */
  public Swept sweep() {
    return sweep(settings.gracePeriod());
  }

  public Swept sweep(Duration grace) {
    int count = 0;
    long bytes = 0;
    List<String> swept;
    do {
      record Batch(List<String> digests, long bytes) {
      }
      Batch batch = tx.execute(status -> {
        List<String> digests = blobs.lockSweepable(grace.toMillis() / 1000.0, BATCH);
        long size = blobs.findAllById(digests).stream().mapToLong(BlobEntity::size).sum();
        if (!digests.isEmpty()) {
          blobs.deleteAll(digests);
        }
        return new Batch(digests, size);
      });
      swept = batch.digests();
      files.remove(swept);
      count += swept.size();
      bytes += batch.bytes();
    } while (swept.size() == BATCH);
    int ingests = removeStaleIngests(grace);
    if (count > 0 || ingests > 0) {
      log.info("blob sweep removed {} blobs ({} bytes) and {} unfinished ingest files", count, bytes, ingests);
    }
    return new Swept(count, bytes, ingests);
  }

  private int removeStaleIngests(Duration grace) {
    try {
      List<Path> stale = content.staleIngests(grace);
      for (Path file : stale) {
        content.delete(file);
      }
      return stale.size();
    } catch (IOException e) {
      log.warn("cannot sweep unfinished ingest files", e);
      return 0;
    }
  }
}
