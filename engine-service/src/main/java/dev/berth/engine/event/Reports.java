package dev.berth.engine.event;

import dev.berth.engine.EngineProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbered reports other parts of Berth send: a node agent's about its containers, volumes and
 * networks, image-service's about its images. Each report is identified by its source and the
 * source's sequence number and applied once however often and in whatever order it arrives.
 */
@Component
public class Reports {

  /** The event types a service may report; container events come from engine-service and node agents only. */
  private static final List<String> REPORTABLE = List.of("image", "volume", "network");

  private final JdbcTemplate jdbc;
  private final Events events;
  private final EngineProperties properties;
  private final Clock clock;

  Reports(JdbcTemplate jdbc, Events events, EngineProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * One reported event.
   *
   * @param sequence the source's number for it, unique and increasing
   * @param type {@code image}, {@code volume} or {@code network}
   * @param action what happened, in Docker's words (pull, tag, untag, delete, create, mount, connect, ...)
   * @param actorId what it happened to (an image ID or reference, a volume's or network's name)
   * @param attributes details in Docker's attribute names
   * @param time when it happened
   */
  public record Reported(long sequence, String type, String action, String actorId, Map<String, String> attributes,
      Instant time) {
  }

  /** Whether the report {@code sequence} of {@code source} arrives for the first time (and is now taken). */
  public boolean firstArrival(String source, long sequence) {
    return jdbc.update("insert into report (source, sequence) values (?, ?) on conflict do nothing",
        source, sequence) == 1;
  }

  /**
   * Records the events a source reported that are new; returns how many were.
   *
   * @throws IllegalArgumentException for an event without a type Berth takes from reports, an action or an actor
   */
  @Transactional
  public int apply(String source, List<Reported> reported) {
    for (Reported event : reported) {
      if (!REPORTABLE.contains(event.type()) || !complete(event.type(), event.action(), event.actorId())) {
        throw new IllegalArgumentException("report " + event.sequence() + " of " + source
            + ": needs a type (one of " + REPORTABLE + "), an action and an actorId");
      }
    }
    int applied = 0;
    for (Reported event : reported) {
      if (firstArrival(source, event.sequence())) {
        events.record(event.type(), event.action(), event.actorId(),
            event.attributes() == null ? Map.of() : event.attributes(),
            event.time() == null ? clock.instant() : event.time());
        applied++;
      }
    }
    return applied;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void expire() {
    jdbc.update("delete from report where received_at < ?",
        Timestamp.from(clock.instant().minus(properties.eventRetention())));
  }

  /** Whether a reported event names what it is about (type), what happened (action) and to what (actor). */
  public static boolean complete(String type, String action, String actorId) {
    return Stream.of(type, action, actorId).allMatch(value -> value != null && !value.isBlank());
  }
}
