package dev.berth.node.logs;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Predicate;

/**
 * Reads a log file forwards from a position, handing out complete lines and keeping an unfinished last
 * line (a record conmon is still writing) until its newline arrives. The open channel keeps reading the
 * same file after it is renamed away by a rotation.
 */
final class LineCursor implements Closeable {

  private static final int BLOCK = 64 * 1024;

  private final FileChannel channel;
  private final Object fileKey;
  private final ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
  private final ByteArrayOutputStream unfinished = new ByteArrayOutputStream();
  private long position;

  private LineCursor(FileChannel channel, Object fileKey, long position) {
    this.channel = channel;
    this.fileKey = fileKey;
    this.position = position;
  }

  /**
   * A cursor on {@code file} at {@code position}, which must be the start of a line; null when no file
   * has that name.
   */
  static LineCursor open(Path file, long position) throws IOException {
    while (true) {
      Object before = fileKey(file);
      FileChannel channel;
      try {
        channel = FileChannel.open(file, StandardOpenOption.READ);
      } catch (NoSuchFileException e) {
        return null;
      }
      if (before != null && before.equals(fileKey(file))) {
        return new LineCursor(channel, before, position);
      }
      channel.close();
    }
  }

  FileChannel channel() {
    return channel;
  }

  /** The identity of the open file (device and inode), to notice when its name points elsewhere. */
  Object fileKey() {
    return fileKey;
  }

  /** Moves to {@code position}, which must be the start of a line. */
  void skipTo(long position) {
    this.position = position;
    unfinished.reset();
  }

  /**
   * Hands each complete line written since the last call to {@code lines}, in order, until {@code lines}
   * returns false (no more lines wanted) or the end of the file is reached.
   *
   * @return false when {@code lines} declined a line, true when the end of the file was reached
   */
  boolean advance(Predicate<String> lines) throws IOException {
    if (channel.size() < position) {
      position = 0;
      unfinished.reset();
    }
    while (true) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read <= 0) {
        return true;
      }
      byte[] bytes = buffer.array();
      int start = 0;
      for (int i = 0; i < read; i++) {
        if (bytes[i] != '\n') {
          continue;
        }
        String line;
        if (unfinished.size() == 0) {
          line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
        } else {
          unfinished.write(bytes, start, i - start);
          line = unfinished.toString(StandardCharsets.UTF_8);
          unfinished.reset();
        }
        start = i + 1;
        if (!lines.test(line)) {
          position += start;
          return false;
        }
      }
      unfinished.write(bytes, start, read - start);
      position += read;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** The file's identity (device and inode), or null when no file has that name. */
  static Object fileKey(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
