package dev.berth.node.event;

import dev.berth.node.api.NodeEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads this node's events by sequence number. */
@RestController
@Tag(name = "events")
class EventController {

  private final EventLog events;

  EventController(EventLog events) {
    this.events = events;
  }

  @GetMapping("/api/v1/events")
  @Operation(summary = "Container events after a sequence number, oldest first",
      description = "With wait (milliseconds, at most 60000) the call waits for a first event when none is there yet.")
  List<NodeEvent> events(@RequestParam(defaultValue = "0") long since,
      @RequestParam(defaultValue = "1000") int limit, @RequestParam(defaultValue = "0") long wait)
      throws InterruptedException {
    if (wait > 0) {
      events.awaitAfter(since, Math.min(wait, 60_000));
    }
    return events.since(since, Math.clamp(limit, 1, EventLog.RETAINED));
  }
}
