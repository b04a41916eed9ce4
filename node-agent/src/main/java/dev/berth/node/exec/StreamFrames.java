package dev.berth.node.exec;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Docker's multiplexed stream: each frame is an 8-byte header (stream 0 stdin, 1 stdout, 2 stderr;
 * three zero bytes; the payload size as a big-endian 32-bit number) followed by the payload.
 * Writes from several threads are serialized per frame.
 */
final class StreamFrames {

  static final int STDOUT = 1;
  static final int STDERR = 2;
  static final String MEDIA_TYPE = "application/vnd.docker.multiplexed-stream";

  private final OutputStream out;

  StreamFrames(OutputStream out) {
    this.out = out;
  }

  synchronized void write(int stream, byte[] buffer, int length) throws IOException {
    byte[] header = {(byte) stream, 0, 0, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
        (byte) length};
    out.write(header);
    out.write(buffer, 0, length);
    out.flush();
  }
}
