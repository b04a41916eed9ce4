package dev.berth.image.pull;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Writes every byte read from a stream to a file channel, so one read both stores and feeds a
 * decoder; refuses to pass more than {@code limit} bytes (a descriptor's size), so a registry
 * cannot fill the disk with more than it announced.
 */
final class TeeInputStream extends FilterInputStream {

  private final FileChannel sink;
  private final long limit;
  private long passed;

  TeeInputStream(InputStream in, FileChannel sink, long limit) {
    super(in);
    this.sink = sink;
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      passed += n;
      if (passed > limit) {
        throw new LayerTooLargeException(limit);
      }
      ByteBuffer chunk = ByteBuffer.wrap(buffer, offset, n);
      while (chunk.hasRemaining()) {
        sink.write(chunk);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
