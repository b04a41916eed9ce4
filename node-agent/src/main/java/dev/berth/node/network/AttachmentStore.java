package dev.berth.node.network;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The persisted attachments: one JSON file per container, replaced atomically (temp file, rename), so
 * that an agent killed midway leaves either the old or the new state. They live where the network
 * namespaces do, on the runtime state directory's tmpfs: a reboot takes both (and the bridge ports and
 * proxies), and {@link Networks#readopt} then releases the address allocations that have no file.
 */
final class AttachmentStore {

  private static final String SUFFIX = ".json";

  private final Path dir;
  private final JsonMapper json;

  AttachmentStore(Path dir, JsonMapper json) {
    this.dir = dir;
    this.json = json;
  }

  void write(AttachmentState state) throws IOException {
    if (!Files.isDirectory(dir)) {   // asked first: createDirectories throws and catches an exception when it is there
      Files.createDirectories(dir);
    }
    Path file = file(state.containerId());
    Path temp = dir.resolve("." + state.containerId() + ".tmp");
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer bytes = ByteBuffer.wrap(json.writeValueAsBytes(state));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Moves the attachments an earlier agent kept in {@code formerDir} (on the data disk, where they were
   * before they moved here) into this store, so its running containers keep their networks.
   */
  void adopt(Path formerDir) throws IOException {
    if (!Files.isDirectory(formerDir)) {
      return;
    }
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(formerDir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX) && !name.startsWith(".")) {
          Files.move(file, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } else {
          Files.delete(file);
        }
      }
    }
    Files.delete(formerDir);
  }

  Optional<AttachmentState> read(String containerId) throws IOException {
    Path file = file(containerId);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(json.readValue(Files.readAllBytes(file), AttachmentState.class));
  }

  void delete(String containerId) throws IOException {
    Files.deleteIfExists(file(containerId));
    Files.deleteIfExists(dir.resolve("." + containerId + ".tmp"));
  }

  /** The containers with a persisted attachment. */
  List<String> containerIds() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(SUFFIX) && !name.startsWith("."))
          .map(name -> name.substring(0, name.length() - SUFFIX.length()))
          .toList();
    }
  }

  private Path file(String containerId) {
    return dir.resolve(containerId + SUFFIX);
  }
}
