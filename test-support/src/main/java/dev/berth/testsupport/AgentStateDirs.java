package dev.berth.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The runtime state directories of node agents under test ({@code berth.node.runtime.state-dir}, one per
 * agent under {@code /run}). An agent mounts a tmpfs there when {@code /run} is on a disk.
 */
public final class AgentStateDirs {

  private AgentStateDirs() {
  }

  /**
   * Unmounts the agent's tmpfs (if it mounted one) and deletes the directory. Call it once the agent's
   * containers are removed: nothing else is mounted there then, and nothing across a mount is deleted.
   */
  public static void remove(Path dir) {
    Commands.result(Duration.ofSeconds(30), List.of("umount", dir.toString()));
    Commands.result(Duration.ofSeconds(30), List.of("rm", "-rf", "--one-file-system", dir.toString()));
  }
}
