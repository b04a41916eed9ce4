package dev.berth.oci.client;

import dev.berth.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * The bytes of a blob from {@link #offset()} on, streamed from the registry. When it verifies, it
 * hashes what it delivers (after the caller's hash of the bytes before the offset) and at the end
 * of the stream throws {@link ContentVerificationException} unless the digest and the size match
 * — so a caller that reads to the end and sees no exception has the blob it asked for. Close it.
 */
public final class BlobStream extends InputStream {

  private final InputStream body;
  private final Digest digest;
  private final long offset;
  private final long size;
  private final MessageDigest hash;
  private final TransferProgress progress;
  private long position;
  private boolean verified;

  BlobStream(InputStream body, Digest digest, long offset, long size, MessageDigest hash, TransferProgress progress) {
    this.body = body;
    this.digest = digest;
    this.offset = offset;
    this.size = size;
    this.hash = hash;
    this.progress = progress;
    this.position = offset;
  }

  /** The digest of the blob. */
  public Digest digest() {
    return digest;
  }

  /** Where in the blob this stream starts. */
  public long offset() {
    return offset;
  }

  /** The size of the whole blob, or -1 when the registry did not say. */
  public long size() {
    return size;
  }

  /** The position reached in the blob: {@link #offset()} plus the bytes read. */
  public long position() {
    return position;
  }

  /** Whether the stream checks the digest at its end. */
  public boolean verifies() {
    return hash != null;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int from, int length) throws IOException {
    int n = body.read(buffer, from, length);
    if (n < 0) {
      verifyAtEnd();
      return -1;
    }
    if (hash != null) {
      hash.update(buffer, from, n);
    }
    position += n;
    if (size >= 0 && position > size) {
      throw new ContentVerificationException("blob " + digest + " is longer than its " + size + " bytes");
    }
    if (n > 0) {
      progress.transferred(position);
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return body.available();
  }

  @Override
  public void close() throws IOException {
    body.close();
  }

  private void verifyAtEnd() throws ContentVerificationException {
    if (verified) {
      return;
    }
    if (size >= 0 && position != size) {
      throw new ContentVerificationException("blob " + digest + " ended at byte " + position + " of " + size);
    }
    if (hash != null) {
      Digest actual = Digest.of(digest.algorithm(), hash);
      if (!actual.equals(digest)) {
        throw new ContentVerificationException("blob " + digest + " arrived with digest " + actual);
      }
    }
    verified = true;
  }
}
