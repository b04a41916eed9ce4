package dev.berth.node.snapshot;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Garbage collection of snapshots: every {@code gc-interval}, and on demand, removes the committed
 * snapshots no container or view uses that were last used longer ago than the grace period.
 */
public class SnapshotCollector implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(SnapshotCollector.class);

  private final Snapshotter snapshotter;
  private final SnapshotProperties properties;
  private final Clock clock;

  public SnapshotCollector(Snapshotter snapshotter, SnapshotProperties properties, Clock clock) {
    this.snapshotter = snapshotter;
    this.properties = properties;
    this.clock = clock;
  }

  /** Removes the committed snapshots unused for longer than {@code gracePeriod}; returns their names. */
  public List<String> collect(Duration gracePeriod) {
    List<String> removed = snapshotter.prune(clock.instant().minus(gracePeriod));
    if (!removed.isEmpty()) {
      log.info("removed {} unused snapshots", removed.size());
    }
    return removed;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(() -> collect(properties.gcGracePeriod()), properties.gcInterval());
  }
}
