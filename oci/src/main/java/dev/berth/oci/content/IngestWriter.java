package dev.berth.oci.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Appends a request body to an ingest file, hashing the bytes in the same pass. Only a buffer is
 * held in memory, never the body.
 */
public final class IngestWriter {

  private static final int BUFFER_SIZE = 1 << 20;

  private IngestWriter() {
  }

  /**
   * Writes {@code in} to {@code file} starting at {@code offset} (anything after it is cut off
   * first) and feeds the bytes to {@code digest} when it is not null.
   *
   * @return the number of bytes written
   */
  public static long append(Path file, long offset, InputStream in, MessageDigest digest) throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    long written = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
      channel.truncate(offset);
      channel.position(offset);
      int read;
      while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
        if (digest != null) {
          digest.update(buffer, 0, read);
        }
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
        while (chunk.hasRemaining()) {
          channel.write(chunk);
        }
        written += read;
      }
    }
    return written;
  }

  /** Cuts {@code file} back to {@code size} bytes, dropping a partly written chunk. */
  public static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  /** Reads {@code in} to its end, feeding {@code digest}; returns how many bytes there were. */
  public static long hash(InputStream in, MessageDigest digest) throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    long total = 0;
    int read;
    while ((read = in.read(buffer)) > 0) {
      digest.update(buffer, 0, read);
      total += read;
    }
    return total;
  }

  /** Hashes the whole of {@code file}. */
  public static void hash(Path file, MessageDigest digest) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer) > 0) {
        buffer.flip();
        digest.update(buffer);
        buffer.clear();
      }
    }
  }
}
