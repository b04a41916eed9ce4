package dev.berth.oci.content;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;

/**
 * Copies every byte read from a stream to a sink and, when given, a digest, so that one read
 * stores content, hashes it and feeds whatever decodes it. Refuses to pass more than a limit (a
 * descriptor's size), so that a peer cannot send more than it announced. Failures to write the
 * sink are unchecked, so that they are never taken for a defect of the input.
 */
public final class TeeInputStream extends FilterInputStream {

  /** More bytes arrived than the limit allows. */
  public static final class LimitExceededException extends IOException {
    LimitExceededException(long limit) {
      super("more than the " + limit + " bytes announced arrived");
    }
  }

  private final OutputStream sink;
  private final MessageDigest digest;
  private final long limit;
  private long count;

  /**
   * @param digest fed with every byte, or null
   * @param limit how many bytes may pass at most
   */
  public TeeInputStream(InputStream in, OutputStream sink, MessageDigest digest, long limit) {
    super(in);
    this.sink = sink;
    this.digest = digest;
    this.limit = limit;
  }

  /** Bytes read so far. */
  public long count() {
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
      if (count > limit) {
        throw new LimitExceededException(limit);
      }
      if (digest != null) {
        digest.update(buffer, offset, n);
      }
      try {
        sink.write(buffer, offset, n);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write what was read", e);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    int chunk = (int) Math.min(n, 8192);
    return Math.max(0, read(new byte[chunk], 0, chunk));
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
