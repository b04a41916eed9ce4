package dev.berth.image.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;

/**
 * Copies every byte read from an archive entry to its spool file and hashes it, so that one read
 * stores the entry, computes its digest and feeds a decompressor. Failures to write the spool are
 * unchecked, so that they are never taken for a defect of the archive.
 */
final class SpoolingInputStream extends FilterInputStream {

  private final FileChannel spool;
  private final MessageDigest digest;
  private long count;

  SpoolingInputStream(InputStream entry, FileChannel spool, MessageDigest digest) {
    super(entry);
    this.spool = spool;
    this.digest = digest;
  }

  /** Bytes read so far. */
  long count() {
    return count;
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
      count += n;
      digest.update(buffer, offset, n);
      ByteBuffer chunk = ByteBuffer.wrap(buffer, offset, n);
      try {
        while (chunk.hasRemaining()) {
          spool.write(chunk);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the spool file", e);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    return Math.max(0, read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192)));
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
