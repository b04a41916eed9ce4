package dev.berth.node.logs;

import dev.berth.node.runtime.ConmonControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

/**
 * Keeps container logs within {@code berth.node.logs.max-size} × {@code max-files}: every
 * {@code check-interval} each tracked log whose current file reached {@code max-size} is rotated
 * ({@code ctr.log} → {@code ctr.log.1}, older files shifted, the oldest beyond {@code max-files} deleted)
 * and its conmon is asked to reopen the file. The container lifecycle {@link #track tracks} a log when its
 * conmon starts (again when the agent re-adopts running containers) and {@link #untrack untracks} it when
 * the container stops; it takes conmon's logging arguments from {@link #conmonArgs}.
 *
 * <p>Conmon reads control messages {@code "<type> <height> <width>\n"} from the {@code ctl} FIFO in its
 * bundle directory; type 2 ({@code REOPEN_LOGS_EVENT}) reopens the log file (conmon's {@code ctrl.c}).
 * Conmon writes to the renamed file until it reopens, so no record is lost. SIGHUP is no alternative:
 * conmon does not handle it and dies.
 */
@Service
public class LogRotation implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(LogRotation.class);

  private final LogProperties properties;
  private final Map<String, ConmonLog> tracked = new ConcurrentHashMap<>();

  public LogRotation(LogProperties properties) {
    this.properties = properties;
  }

  /** The conmon arguments that make it write {@code log} in k8s-file format, with the configured ceiling. */
  public List<String> conmonArgs(ConmonLog log) {
    List<String> args = new ArrayList<>(List.of("-l", "k8s-file:" + log.file()));
    if (properties.conmonSizeMax() != null) {
      args.addAll(List.of("--log-size-max", Long.toString(properties.conmonSizeMax().toBytes())));
    }
    return List.copyOf(args);
  }

  /** Includes the log of container {@code containerId} in the periodic checks. */
  public void track(String containerId, ConmonLog log) {
    tracked.put(containerId, log);
  }

  /** Leaves the log of container {@code containerId} out of the periodic checks from now on. */
  public void untrack(String containerId) {
    tracked.remove(containerId);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::rotateFullLogs, properties.checkInterval());
  }

  /** Rotates every tracked log that reached {@code max-size}; a log that fails is reported and skipped. */
  public void rotateFullLogs() {
    tracked.forEach((containerId, conmonLog) -> {
      try {
        rotateIfFull(conmonLog);
      } catch (IOException e) {
        log.warn("Cannot rotate the log of container {}: {}", containerId, e.toString());
      }
    });
  }

  /** Rotates {@code log} when its current file reached {@code max-size}; returns whether it did. */
  public boolean rotateIfFull(ConmonLog log) throws IOException {
    if (Files.notExists(log.file()) || Files.size(log.file()) < properties.maxSize().toBytes()) {
      return false;
    }
    rotate(log);
    return true;
  }

  /**
   * Renames the current file to generation 1, shifting older ones, asks conmon to reopen (which creates a
   * new empty current file), then deletes the generations beyond {@code max-files}.
   *
   * @throws IOException when a file cannot be moved or conmon is not listening on its control FIFO
   */
  public void rotate(ConmonLog log) throws IOException {
    int maxFiles = properties.maxFiles();
    for (int n = maxFiles; n >= 1; n--) {
      if (Files.exists(log.generation(n - 1))) {
        Files.move(log.generation(n - 1), log.generation(n), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    }
    reopen(log);
    for (int n = maxFiles; Files.exists(log.generation(n)); n++) {
      Files.delete(log.generation(n));
    }
  }

  /** Asks conmon to reopen its log file; fails fast when conmon is gone. */
  static void reopen(ConmonLog log) throws IOException {
    ConmonControl.reopenLogs(log.controlFifo());
  }
}
