package dev.berth.engine.api;

import dev.berth.engine.event.EventEntity;
import dev.berth.engine.container.EngineException;
import dev.berth.engine.event.Events;
import dev.berth.engine.event.Reports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recorded events, oldest first, and the reports services send of theirs. */
@RestController
@Tag(name = "events")
class EventController {

  private static final int MAX = 10_000;
  private static final Pattern SOURCE = Pattern.compile("[a-z0-9-]{1,63}");

  private final Events events;
  private final Reports reports;

  EventController(Events events, Reports reports) {
    this.events = events;
    this.reports = reports;
  }

  /**
   * An event as the native API shows it.
   *
   * @param id its sequence number
   * @param time when it happened
   * @param type {@code container}, {@code image}, {@code network}, {@code volume} or {@code node}
   * @param action what happened: create, start, die, oom, destroy, ...
   * @param actorId the ID of what it happened to
   * @param attributes details: name, image, exitCode, labels
   */
  record EventView(long id, Instant time, String type, String action, String actorId, Map<String, String> attributes) {

    static EventView of(EventEntity event) {
      return new EventView(event.id(), event.time(), event.type(), event.action(), event.actorId(),
          event.attributes());
    }
  }

  @GetMapping("/api/v1/events")
  @Operation(summary = "Events after an event ID (or since a time), oldest first",
      description = "With wait (milliseconds, at most 60000) the call waits for a first event when none is there yet.")
  List<EventView> list(@RequestParam(defaultValue = "0") long after, @RequestParam(required = false) Instant since,
      @RequestParam(defaultValue = "1000") int limit, @RequestParam(defaultValue = "0") long wait)
      throws InterruptedException {
    int bounded = Math.clamp(limit, 1, MAX);
    if (since != null) {
      return events.since(since, bounded).stream().map(EventView::of).toList();
    }
    if (wait > 0) {
      events.awaitAfter(after, Math.min(wait, 60_000));
    }
    return events.after(after, bounded).stream().map(EventView::of).toList();
  }

  @PostMapping("/api/v1/events")
  @Operation(summary = "A service's report of image, volume or network state changes",
      description = "A JSON array of the source's numbered events; each is applied once however often it is sent. "
          + "image-service reports here when berth.image.engine is set.")
  Map<String, Integer> report(@RequestParam String source, @RequestBody List<Reports.Reported> reported) {
    if (!SOURCE.matcher(source).matches()) {
      throw new EngineException.InvalidArgument("source must be a service name ([a-z0-9-]{1,63}): " + source);
    }
    try {
      return Map.of("applied", reports.apply("service/" + source, reported));
    } catch (IllegalArgumentException e) {
      throw new EngineException.InvalidArgument(e.getMessage());
    }
  }
}
