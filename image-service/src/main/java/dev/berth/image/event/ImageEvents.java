package dev.berth.image.event;

import dev.berth.image.ImageProperties;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox of image events. An event recorded inside a transaction is written with it and
 * becomes visible to the reporter when it commits. Actor and name follow dockerd: pull and push
 * name the reference ({@code busybox:latest}, name {@code busybox}); tag names the image ID and
 * the new tag; untag, delete, import, load and save the image ID.
 */
@Component
public class ImageEvents {

  private final JdbcTemplate jdbc;
  private final boolean enabled;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition recorded = lock.newCondition();
  private long generation;

  ImageEvents(JdbcTemplate jdbc, ImageProperties properties) {
    this.jdbc = jdbc;
    this.enabled = properties.engine() != null;
  }

  /** One event waiting to be reported. */
  record Pending(long sequence, String type, String action, String actorId, Map<String, String> attributes,
      Instant time) {
  }

  /** Records that {@code action} happened to {@code actorId}, with Docker's {@code name} attribute. */
  public void record(String action, String actorId, String name) {
    if (!enabled) {
      return;
    }
    jdbc.update("insert into event (time, action, actor_id, name) values (?, ?, ?, ?)",
        Timestamp.from(Instant.now()), action, actorId, name);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          signal();
        }
      });
    } else {
      signal();
    }
  }

  List<Pending> pending(int limit) {
    return jdbc.query("select sequence, time, action, actor_id, name from event order by sequence limit ?",
        (row, i) -> new Pending(row.getLong(1), "image", row.getString(3), row.getString(4),
            Map.of("name", row.getString(5)), row.getTimestamp(2).toInstant()), limit);
  }

  void acknowledged(long upToSequence) {
    jdbc.update("delete from event where sequence <= ?", upToSequence);
  }

  void awaitMore(long timeoutMillis) throws InterruptedException {
    lock.lock();
    try {
      long seen = generation;
      long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (generation == seen && nanos > 0) {
        nanos = recorded.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }

  private void signal() {
    lock.lock();
    try {
      generation++;
      recorded.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
