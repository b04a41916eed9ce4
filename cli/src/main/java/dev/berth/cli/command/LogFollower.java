package dev.berth.cli.command;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the complete lines appended to a file since the last read, like {@code tail -f}. */
final class LogFollower {

  private final Path file;
  private long offset;
  private final StringBuilder partial = new StringBuilder();

  /** Follows {@code file} from its current end: only what is written from now on is read. */
  LogFollower(Path file) throws IOException {
    this.file = file;
    this.offset = Files.exists(file) ? Files.size(file) : 0;
  }

  /** The lines completed since the last call. */
  List<String> lines() throws IOException {
    List<String> lines = new ArrayList<>();
    if (!Files.exists(file)) {
      return lines;
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length <= offset) {
        return lines;
      }
      byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
      in.seek(offset);
      in.readFully(bytes);
      offset += bytes.length;
      partial.append(new String(bytes, StandardCharsets.UTF_8));
    }
    int newline;
    while ((newline = partial.indexOf("\n")) >= 0) {
      lines.add(partial.substring(0, newline));
      partial.delete(0, newline + 1);
    }
    return lines;
  }
}
