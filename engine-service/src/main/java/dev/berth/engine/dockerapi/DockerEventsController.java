package dev.berth.engine.dockerapi;

import dev.berth.engine.event.EventEntity;
import dev.berth.engine.event.Events;
import dev.berth.oci.OciJson;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Docker's {@code GET /events}: the recorded events from {@code since} on, then new ones as they
 * are recorded, one JSON object per line, each flushed, until {@code until} passes — without it,
 * for as long as the client stays. Filters: {@code type}, {@code event}, {@code container} (ID,
 * ID prefix or name), {@code image} and {@code label}. The CLI turns relative and RFC 3339 times
 * into Unix seconds itself. See the reference's §3.18.
 */
@RestController
class DockerEventsController {

  private static final int BATCH = 500;
  private static final long IDLE_MILLIS = 1000;

  private final Events events;
  private final Clock clock;

  DockerEventsController(Events events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @GetMapping("/events")
  ResponseEntity<StreamingResponseBody> events(@RequestParam(required = false) String since,
      @RequestParam(required = false) String until, @RequestParam(required = false) String filters) {
    Instant from = DockerTime.parse(since, "since");
    Instant to = DockerTime.parse(until, "until");
    Filters filter = Filters.parse(filters);
    StreamingResponseBody body = out -> {
      out.flush();
      try {
        stream(out, from, to, filter);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while streaming events", e);
      }
    };
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private void stream(OutputStream out, Instant since, Instant until, Filters filter)
      throws IOException, InterruptedException {
    long last = events.latestId();
    List<EventEntity> batch = since == null ? List.of() : events.since(since, BATCH);
    while (true) {
      for (EventEntity event : batch) {
        if (until != null && event.time().isAfter(until)) {
          return;
        }
        last = Math.max(last, event.id());
        EventMessage message = EventMessage.of(event);
        if (matches(message, filter)) {
          out.write(OciJson.mapper().writeValueAsBytes(message));
          out.write('\n');
          out.flush();
        }
      }
      if (batch.size() < BATCH) {
        Instant now = clock.instant();
        if (until != null && !now.isBefore(until)) {
          return;
        }
        long wait = until == null ? IDLE_MILLIS
            : Math.min(IDLE_MILLIS, Duration.between(now, until).toMillis() + 1);
        events.awaitAfter(last, wait);
      }
      batch = events.after(last, BATCH);
    }
  }

  /** Whether the event passes every filter given, as dockerd's events filter decides. */
  static boolean matches(EventMessage event, Filters filter) {
    Map<String, String> attributes = event.actor().attributes();
    String actorId = event.actor().id();
    int colon = event.action().indexOf(':');
    String bareAction = colon < 0 ? event.action() : event.action().substring(0, colon);
    return anyOrNone(filter.get("type"), event.type()::equals)
        && anyOrNone(filter.get("event"), bareAction::equals)
        && (filter.get("container").isEmpty() || "container".equals(event.type())
            && anyOrNone(filter.get("container"), wanted -> actorId.startsWith(wanted)
                || wanted.equals(attributes.get("name"))))
        && (filter.get("image").isEmpty() || anyOrNone(filter.get("image"), wanted ->
            wanted.equals(attributes.get("image")) || "image".equals(event.type()) && wanted.equals(actorId)))
        && ofTypeNamed(event, "volume", filter.get("volume"))
        && ofTypeNamed(event, "network", filter.get("network"))
        && filter.labelsMatch(attributes);
  }

  /** For a {@code volume} or {@code network} filter: the event is of that type and about one of {@code wanted}. */
  private static boolean ofTypeNamed(EventMessage event, String type, List<String> wanted) {
    return wanted.isEmpty() || type.equals(event.type()) && wanted.contains(event.actor().id());
  }

  private static boolean anyOrNone(List<String> wanted, Predicate<String> match) {
    return wanted.isEmpty() || wanted.stream().anyMatch(match);
  }
}
