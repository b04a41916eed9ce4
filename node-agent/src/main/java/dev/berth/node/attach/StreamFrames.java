package dev.berth.node.attach;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Docker's multiplexed stream: each frame is an 8-byte header (stream 0 stdin, 1 stdout, 2 stderr;
 * three zero bytes; the payload size as a big-endian 32-bit number) followed by the payload.
 * Writes from several threads are serialized per frame.
 */
public final class StreamFrames {

  /** The stream number of stdout. */
  public static final int STDOUT = 1;
  /** The stream number of stderr. */
  public static final int STDERR = 2;

  private final OutputStream out;

  public StreamFrames(OutputStream out) {
    this.out = out;
  }

  /** Writes {@code length} bytes of {@code buffer} from {@code offset} as one frame on {@code stream}, flushed. */
  public synchronized void write(int stream, byte[] buffer, int offset, int length) throws IOException {
    byte[] header = {(byte) stream, 0, 0, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
        (byte) length};
    out.write(header);
    out.write(buffer, offset, length);
    out.flush();
  }
}
