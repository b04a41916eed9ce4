package dev.berth.engine.event;

import dev.berth.engine.EngineProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records events and reads them back. Readers that follow the stream wait on {@link #awaitAfter}
 * and are woken when an event is recorded. Events older than the retention period are deleted
 * hourly.
 */
@Component
public class Events {

  private final EventRepository repository;
  private final EngineProperties properties;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition recorded = lock.newCondition();
  private long newest;

  Events(EventRepository repository, EngineProperties properties, Clock clock) {
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
  }

  /** Records an event now. */
  @Transactional
  public EventEntity record(String type, String action, String actorId, Map<String, String> attributes) {
    return record(type, action, actorId, attributes, clock.instant());
  }

  /** Records an event that happened at {@code time} (reported by another part of Berth). */
  @Transactional
  public EventEntity record(String type, String action, String actorId, Map<String, String> attributes,
      Instant time) {
    EventEntity event = repository.save(new EventEntity(time, type, action, actorId, attributes));
    lock.lock();
    try {
      newest = Math.max(newest, event.id());
      recorded.signalAll();
    } finally {
      lock.unlock();
    }
    return event;
  }

  /** Events after the one with ID {@code afterId}, oldest first. */
  public List<EventEntity> after(long afterId, int limit) {
    return repository.findByIdGreaterThanOrderByIdAsc(afterId, Limit.of(limit));
  }

  /** Events at or after {@code since}, oldest first. */
  public List<EventEntity> since(Instant since, int limit) {
    return repository.findByTimeGreaterThanEqualOrderByIdAsc(since, Limit.of(limit));
  }

  /** The ID of the newest event recorded, 0 when there is none: followers of new events start after it. */
  public long latestId() {
    return repository.findFirstByOrderByIdDesc().map(EventEntity::id).orElse(0L);
  }

  /** Waits until an event after {@code afterId} may have been recorded, or the timeout passes. */
  public void awaitAfter(long afterId, long timeoutMillis) throws InterruptedException {
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (newest <= afterId && nanos > 0) {
        nanos = recorded.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  @Transactional
  void expire() {
    repository.deleteOlderThan(clock.instant().minus(properties.eventRetention()));
  }
}
