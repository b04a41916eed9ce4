package dev.berth.node.container;

import dev.berth.node.runtime.RuntimeStateDir;
import dev.berth.node.snapshot.FileTrees;
import dev.berth.node.sys.Syscalls;
import dev.berth.oci.OciJson;
import dev.berth.platform.BerthProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Container records, one directory per container under {@code <data-dir>/containers}, each record
 * in {@code container.json} replaced atomically (write beside, rename), cached in memory. A
 * rename survives the agent being killed at any point; the runtime's state reconciles the rest.
 * The container's log is kept beside its record; its OCI bundle, rewritten at every start, is in
 * the runtime state directory (tmpfs).
 */
@Component
public class ContainerStore {

  private static final String RECORD = "container.json";

  private final JsonMapper json = OciJson.mapper();
  private final Path root;
  private final Path exitDir;
  private final Path formerExitDir;
  private final Path bundles;
  private final Map<String, ContainerRecord> records = new ConcurrentHashMap<>();

  ContainerStore(BerthProperties properties, RuntimeStateDir stateDir) throws IOException {
    this.root = Files.createDirectories(properties.dataDir().resolve("containers"));
    Syscalls.markTopDirectory(root);   // each container's record and log in a block group of their own, see OverlaySnapshotter
    this.exitDir = stateDir.exits();
    this.formerExitDir = properties.dataDir().resolve("exits");
    this.bundles = stateDir.bundles();
    try (Stream<Path> dirs = Files.list(root)) {
      dirs.map(dir -> dir.resolve(RECORD)).filter(Files::isRegularFile).forEach(file -> {
        ContainerRecord record = read(file);
        records.put(record.id(), record);
      });
    }
  }

  public Optional<ContainerRecord> find(String id) {
    return Optional.ofNullable(records.get(id));
  }

  /** The container's record; 404 when there is none. */
  public ContainerRecord get(String id) {
    return find(id).orElseThrow(() -> new ContainerException.NotFound("container", id));
  }

  /** The record of a container that runs or is paused; 404 or 409 otherwise. */
  public ContainerRecord alive(String id) {
    ContainerRecord record = get(id);
    if (!record.alive()) {
      throw new ContainerException.Conflict("Container " + id + " is not running");
    }
    return record;
  }

  public Collection<ContainerRecord> all() {
    return records.values();
  }

  /** Saves the record as the next revision of its container and returns what was saved. */
  synchronized ContainerRecord save(ContainerRecord record) throws IOException {
    long previous = find(record.id()).map(ContainerRecord::revision).orElse(0L);
    ContainerRecord revised = record.revised(Math.max(previous, record.revision()) + 1);
    Path dir = previous == 0 ? Files.createDirectories(dir(record.id())) : dir(record.id());
    Path temp = dir.resolve(RECORD + ".tmp");
    Files.write(temp, json.writeValueAsBytes(revised));
    Files.move(temp, dir.resolve(RECORD), StandardCopyOption.ATOMIC_MOVE);
    records.put(revised.id(), revised);
    return revised;
  }

  /** Deletes the record, the log and the bundle (whose root filesystem is unmounted). */
  void delete(String id) throws IOException {
    records.remove(id);
    FileTrees.delete(dir(id));
    FileTrees.delete(bundle(id));
  }

  /** The container's directory: its record and log. */
  public Path dir(String id) {
    return root.resolve(id);
  }

  /** The OCI bundle directory, conmon's working directory; its exec processes' files are in {@code execs}. */
  public Path bundle(String id) {
    return bundles.resolve(id);
  }

  /** Where the root filesystem is mounted. */
  public Path rootfs(String id) {
    return bundle(id).resolve("rootfs");
  }

  /** The container's log file as conmon writes it. */
  public Path log(String id) {
    return dir(id).resolve("ctr.log");
  }

  /** The directory conmon writes exit codes into, one file per container ID (in the runtime state directory). */
  public Path exitDir() {
    return exitDir;
  }

  /**
   * Every directory an exit code may appear in: {@link #exitDir()} and, while it exists, the one on
   * the data disk that earlier agents gave conmon, where the conmons they started still write.
   */
  List<Path> exitDirs() {
    return Files.isDirectory(formerExitDir) ? List.of(exitDir, formerExitDir) : List.of(exitDir);
  }

  /** The exit file of the container's last run, if conmon wrote one. */
  Optional<Path> exitFile(String id) {
    return exitDirs().stream().map(dir -> dir.resolve(id)).filter(Files::exists).findFirst();
  }

  /**
   * Deletes the former exit directory once no container runs that a conmon started with it could
   * report (none runs at all) and it holds no exit code.
   */
  void dropFormerExitDir() throws IOException {
    if (Files.isDirectory(formerExitDir) && records.values().stream().noneMatch(ContainerRecord::alive)) {
      try (Stream<Path> files = Files.list(formerExitDir)) {
        if (files.findAny().isPresent()) {
          return;
        }
      }
      Files.deleteIfExists(formerExitDir);
    }
  }

  private ContainerRecord read(Path file) {
    try {
      return json.readValue(file.toFile(), ContainerRecord.class);
    } catch (tools.jackson.core.JacksonException e) {
      throw new UncheckedIOException(new IOException("unreadable container record " + file + ": " + e.getMessage()));
    }
  }
}
