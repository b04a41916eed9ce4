package dev.berth.node.container;

import java.nio.file.Path;

/**
 * Told when a run of a container has been created under conmon and is about to start: its process
 * exists but has not run a single instruction, so whoever connects to conmon now misses none of its
 * output (how {@code docker run} attaches before it starts).
 */
public interface LaunchListener {

  /** The run of container {@code id}, whose conmon runs with bundle directory {@code bundle}, starts next. */
  void created(String id, Path bundle);
}
