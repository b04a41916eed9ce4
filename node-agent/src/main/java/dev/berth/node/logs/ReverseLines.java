package dev.berth.node.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Reads the lines of a file backwards, last line first, in blocks from the end, so that the tail of a
 * large log costs what the tail holds, not the whole file.
 */
final class ReverseLines {

  private static final int BLOCK = 64 * 1024;

  private final FileChannel channel;
  private final Deque<String> found = new ArrayDeque<>();
  private long position;
  private byte[] carry = new byte[0];

  /**
   * Lines of {@code channel} before {@code end}, which must be a line boundary (see {@link #completeEnd}).
   */
  ReverseLines(FileChannel channel, long end) {
    this.channel = channel;
    this.position = Math.max(0, end - 1);
    if (end == 0) {
      carry = null;
    }
  }

  /**
   * The offset just after the last newline before {@code size}: where the complete lines end, leaving out
   * a record conmon is still writing.
   */
  static long completeEnd(FileChannel channel, long size) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
    long end = size;
    while (end > 0) {
      long start = Math.max(0, end - BLOCK);
      buffer.clear().limit((int) (end - start));
      readFully(channel, buffer, start);
      for (int i = buffer.limit() - 1; i >= 0; i--) {
        if (buffer.get(i) == '\n') {
          return start + i + 1;
        }
      }
      end = start;
    }
    return 0;
  }

  /** The line before the last one returned, without its newline, or null at the start of the file. */
  String previous() throws IOException {
    while (found.isEmpty() && carry != null) {
      readBlock();
    }
    return found.pollFirst();
  }

  private void readBlock() throws IOException {
    long start = Math.max(0, position - BLOCK);
    ByteBuffer buffer = ByteBuffer.allocate((int) (position - start) + carry.length);
    buffer.limit((int) (position - start));
    readFully(channel, buffer, start);
    buffer.limit(buffer.capacity()).put(carry);
    byte[] bytes = buffer.array();
    int lineEnd = bytes.length;
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        found.addLast(new String(bytes, i + 1, lineEnd - i - 1, StandardCharsets.UTF_8));
        lineEnd = i;
      }
    }
    position = start;
    if (start == 0) {
      found.addLast(new String(bytes, 0, lineEnd, StandardCharsets.UTF_8));
      carry = null;
    } else {
      carry = Arrays.copyOf(bytes, lineEnd);
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new IOException("log file shrank while reading it backwards at offset " + at);
      }
      at += read;
    }
  }
}
