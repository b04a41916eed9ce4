package dev.berth.node.snapshot;

import dev.berth.node.snapshot.SnapshotInfo.Kind;
import dev.berth.oci.OciJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A snapshot's metadata as persisted in {@code <id>/snapshot.json} beside its {@code fs} and
 * {@code work} directories. Written to a temporary file, fsynced and renamed over the old one, so
 * that a crash leaves either the old or the new state.
 */
record SnapshotRecord(long id, String key, Kind kind, String parent, Instant created, Instant used) {

  static final String FILE = "snapshot.json";
  private static final String TEMP = FILE + ".tmp";

  static SnapshotRecord read(Path dir) throws IOException {
    return OciJson.mapper().readValue(Files.readAllBytes(dir.resolve(FILE)), SnapshotRecord.class);
  }

  /**
   * Replaces the record in {@code dir} atomically; {@code durable} also flushes it to disk first
   * (commits must survive a host crash; creations and last-used times need not: a snapshot whose
   * record is lost is deleted at the next start, and after a host crash its container is gone too).
   */
  void write(Path dir, boolean durable) throws IOException {
    Path temp = dir.resolve(TEMP);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(OciJson.mapper().writeValueAsBytes(this));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (durable) {
        channel.force(true);
      }
    }
    Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    if (durable) {
      try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
        directory.force(true);
      }
    }
  }

  SnapshotRecord committedAs(String name, Instant now) {
    return new SnapshotRecord(id, name, Kind.COMMITTED, parent, created, now);
  }

  SnapshotRecord usedAt(Instant now) {
    return new SnapshotRecord(id, key, kind, parent, created, now);
  }

  SnapshotInfo info(long size) {
    return new SnapshotInfo(key, kind, parent, size, created, used);
  }
}
