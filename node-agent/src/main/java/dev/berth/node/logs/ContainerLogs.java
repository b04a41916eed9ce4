package dev.berth.node.logs;

import dev.berth.node.api.LogEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * Reads a container's k8s-file log: the rotated files oldest first, then the current file, filtered by
 * stream and time, optionally only the last records, and, when following, the records written afterwards
 * until the container stops, across rotations. Malformed lines are skipped.
 */
@Service
public class ContainerLogs {

  /** How long a follower sleeps when it has caught up with the writer. */
  static final Duration FOLLOW_POLL = Duration.ofMillis(100);

  private final LogProperties properties;

  public ContainerLogs(LogProperties properties) {
    this.properties = properties;
  }

  /**
   * Delivers the entries {@code query} selects from {@code log} to {@code sink}, in the order they were
   * written. When {@code query.follow()} it then keeps delivering new entries, following the current
   * file through rotations, until {@code stopped} says the container no longer runs (checked between
   * polls; what was written before is still delivered) or an entry after {@code query.until()} is read;
   * a caller that goes away interrupts the thread or throws from {@code sink}.
   *
   * @throws InterruptedException when the thread is interrupted while following
   */
  public void read(ConmonLog log, LogQuery query, BooleanSupplier stopped, Consumer<LogEntry> sink)
      throws IOException, InterruptedException {
    Delivery delivery = new Delivery(query, sink);
    List<LineCursor> files = openNewestFirst(log);
    try {
      boolean hasCurrent = !files.isEmpty()
          && Objects.equals(files.getFirst().fileKey(), LineCursor.fileKey(log.file()));
      LineCursor current = hasCurrent ? files.getFirst() : null;
      List<LineCursor> rotated = hasCurrent ? files.subList(1, files.size()) : files;
      if (query.tail() >= 0) {
        long end = current == null ? 0 : ReverseLines.completeEnd(current.channel(), current.channel().size());
        tail(current, end, rotated, query, delivery);
        if (!query.follow()) {
          return;
        }
        if (current != null) {
          current.skipTo(end);
        }
      } else {
        for (LineCursor file : rotated.reversed()) {
          if (!file.advance(delivery)) {
            return;
          }
        }
        if (current != null && !current.advance(delivery) || !query.follow()) {
          return;
        }
      }
      follow(log, current, stopped, delivery);
    } finally {
      for (LineCursor file : files) {
        file.close();
      }
    }
  }

  private List<LineCursor> openNewestFirst(ConmonLog log) throws IOException {
    List<LineCursor> files = new ArrayList<>();
    List<Object> keys = new ArrayList<>();
    for (int n = 0; n <= properties.maxFiles(); n++) {
      LineCursor file = LineCursor.open(log.generation(n), 0);
      if (file == null) {
        continue;
      }
      if (keys.contains(file.fileKey())) {
        file.close();
      } else {
        keys.add(file.fileKey());
        files.add(file);
      }
    }
    return files;
  }

  private static void tail(LineCursor current, long end, List<LineCursor> rotated, LogQuery query, Delivery delivery)
      throws IOException {
    Deque<LogEntry> last = new ArrayDeque<>();
    List<ReverseLines> newestFirst = new ArrayList<>();
    if (current != null) {
      newestFirst.add(new ReverseLines(current.channel(), end));
    }
    for (LineCursor file : rotated) {
      newestFirst.add(new ReverseLines(file.channel(), ReverseLines.completeEnd(file.channel(), file.channel().size())));
    }
    collect:
    for (ReverseLines lines : newestFirst) {
      for (String line = lines.previous(); line != null && last.size() < query.tail(); line = lines.previous()) {
        Optional<LogEntry> entry = K8sFileFormat.parse(line);
        if (entry.isEmpty()) {
          continue;
        }
        if (query.since() != null && entry.get().time().isBefore(query.since())) {
          break collect;
        }
        if (query.wants(entry.get().stream()) && query.inWindow(entry.get().time())) {
          last.addFirst(entry.get());
        }
      }
    }
    last.forEach(delivery.sink());
  }

  private void follow(ConmonLog log, LineCursor start, BooleanSupplier stopped, Delivery delivery)
      throws IOException, InterruptedException {
    LineCursor current = start;
    try {
      while (true) {
        boolean last = stopped.getAsBoolean();
        if (current != null && !current.advance(delivery)) {
          return;
        }
        Object key = LineCursor.fileKey(log.file());
        if (key != null && (current == null || !key.equals(current.fileKey()))) {
          if (current != null) {
            if (!current.advance(delivery) || !readSkippedGenerations(log, current.fileKey(), delivery)) {
              return;
            }
            current.close();
          }
          current = LineCursor.open(log.file(), 0);
          continue;
        }
        if (last) {
          return;
        }
        Thread.sleep(FOLLOW_POLL);
      }
    } finally {
      if (current != null) {
        current.close();
      }
    }
  }

  /**
   * After more than one rotation between two polls, the file followed so far is now generation k > 1 and
   * generations k-1 .. 1 were written after it: reads them, oldest first. Returns false when
   * {@code delivery} declined a line.
   */
  private boolean readSkippedGenerations(ConmonLog log, Object followed, Delivery delivery) throws IOException {
    int followedGeneration = 0;
    for (int n = 1; n <= properties.maxFiles() && followedGeneration == 0; n++) {
      if (followed.equals(LineCursor.fileKey(log.generation(n)))) {
        followedGeneration = n;
      }
    }
    for (int n = followedGeneration - 1; n >= 1; n--) {
      LineCursor skipped = LineCursor.open(log.generation(n), 0);
      if (skipped != null) {
        try (skipped) {
          if (!skipped.advance(delivery)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Parses, filters and hands on lines read forwards; declines the first line after {@code until}. */
  private record Delivery(LogQuery query, Consumer<LogEntry> sink) implements Predicate<String> {

    @Override
    public boolean test(String line) {
      Optional<LogEntry> entry = K8sFileFormat.parse(line);
      if (entry.isEmpty()) {
        return true;
      }
      if (query.until() != null && entry.get().time().isAfter(query.until())) {
        return false;
      }
      if (query.wants(entry.get().stream()) && query.inWindow(entry.get().time())) {
        sink.accept(entry.get());
      }
      return true;
    }
  }
}
