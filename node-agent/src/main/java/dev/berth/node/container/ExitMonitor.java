package dev.berth.node.container;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the exit files conmon writes ({@code <exit-dir>/<container id>}, containing the exit code,
 * created by rename so they appear complete) into {@link Containers#exited} calls, through inotify.
 */
final class ExitMonitor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExitMonitor.class);
  private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

  private final List<Path> exitDirs;
  private final Containers containers;
  private final WatchService watcher;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  /** Watches each of {@code exitDirs} (on tmpfs and on the data disk alike: one inotify instance). */
  ExitMonitor(List<Path> exitDirs, Containers containers) throws IOException {
    this.exitDirs = List.copyOf(exitDirs);
    this.containers = containers;
    this.watcher = exitDirs.getFirst().getFileSystem().newWatchService();
    for (Path dir : exitDirs) {
      dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }
    Thread.ofPlatform().daemon().name("exit-monitor").start(this::watch);
  }

  /** Handles every exit file already there (those written while the agent was down). */
  void scan() throws IOException {
    for (Path dir : exitDirs) {
      try (Stream<Path> files = Files.list(dir)) {
        files.forEach(this::handle);
      }
    }
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            scan();
          } else {
            handle(((Path) key.watchable()).resolve((Path) event.context()));
          }
        }
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.error("Exit monitor stopped: {}", e.toString());
    }
  }

  private void handle(Path file) {
    String id = file.getFileName().toString();
    if (!ID.matcher(id).matches() || !inFlight.add(id)) {
      return;
    }
    Thread.ofVirtual().name("exit-" + id.substring(0, 12)).start(() -> {
      try {
        String content = Files.exists(file) ? Files.readString(file).strip() : "";
        if (!content.isEmpty()) {
          containers.exited(id, Integer.parseInt(content));
        }
      } catch (IOException | NumberFormatException e) {
        log.warn("Unreadable exit file {}: {}", file, e.toString());
      } finally {
        inFlight.remove(id);
      }
    });
  }

  @Override
  public void close() throws IOException {
    watcher.close();
  }
}
