package dev.berth.node.snapshot;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The node's snapshots: listing and garbage collection on demand. */
@RestController
@RequestMapping("/api/v1/snapshots")
class SnapshotController {

  /** What a garbage collection removed. */
  record CollectionResponse(List<String> removed) {
  }

  private final Snapshotter snapshotter;
  private final SnapshotCollector collector;
  private final SnapshotProperties properties;

  SnapshotController(Snapshotter snapshotter, SnapshotCollector collector, SnapshotProperties properties) {
    this.snapshotter = snapshotter;
    this.collector = collector;
    this.properties = properties;
  }

  @GetMapping
  @Operation(summary = "Lists the snapshots: active ones (containers), views and committed layers")
  List<SnapshotInfo> list() {
    return snapshotter.list();
  }

  @PostMapping("/gc")
  @Operation(summary = "Removes the committed snapshots nothing uses that were last used longer ago than "
      + "gracePeriod (ISO-8601, default berth.node.snapshots.gc-grace-period)")
  CollectionResponse collect(@RequestParam(required = false) Duration gracePeriod) {
    if (gracePeriod != null && gracePeriod.isNegative()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "gracePeriod must not be negative");
    }
    return new CollectionResponse(collector.collect(gracePeriod == null ? properties.gcGracePeriod() : gracePeriod));
  }
}
