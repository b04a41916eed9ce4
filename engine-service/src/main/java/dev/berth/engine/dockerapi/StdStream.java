package dev.berth.engine.dockerapi;

import dev.berth.node.api.LogEntry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * A container's output as the Docker API streams it: Docker's multiplexed frames (an 8-byte header
 * — stream 1 stdout or 2 stderr, three zero bytes, the payload length big-endian — then the
 * payload) for a container without a terminal, the bare bytes for one with a terminal. Log lines
 * are one frame each, optionally prefixed with their time and a space as dockerd does. Each write is
 * flushed. See the reference's §4.1 and §3.8.
 */
final class StdStream {

  static final MediaType MULTIPLEXED = MediaType.parseMediaType("application/vnd.docker.multiplexed-stream");
  static final MediaType RAW = MediaType.parseMediaType("application/vnd.docker.raw-stream");
  static final int STDOUT = 1;
  static final int STDERR = 2;

  private static final int MULTIPLEXED_TYPE_SINCE_MINOR = 42;

  private final OutputStream out;
  private final boolean tty;
  private final boolean timestamps;

  StdStream(OutputStream out, boolean tty, boolean timestamps) {
    this.out = out;
    this.tty = tty;
    this.timestamps = timestamps;
  }

  /**
   * The content type dockerd 28 gives such a stream: multiplexed for output without a terminal
   * from API 1.42 on, raw otherwise.
   */
  static MediaType contentType(HttpServletRequest request, boolean tty) {
    Object version = request.getAttribute(DockerVersionFilter.API_VERSION);
    String asked = version == null ? DockerVersionFilter.CURRENT : version.toString();
    int minor = Integer.parseInt(asked.substring(asked.indexOf('.') + 1));
    return !tty && minor >= MULTIPLEXED_TYPE_SINCE_MINOR ? MULTIPLEXED : RAW;
  }

  /** The 8-byte header of a frame of {@code length} bytes on {@code stream}. */
  static byte[] header(int stream, int length) {
    return new byte[] {(byte) stream, 0, 0, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
        (byte) length};
  }

  /** Writes one log entry: its line with its newline unless it is partial. */
  void write(LogEntry entry) throws IOException {
    String text = (timestamps ? DockerTime.nanoFixed(entry.time()) + " " : "") + entry.line()
        + (entry.partial() ? "" : "\n");
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    if (!tty) {
      out.write(header("stderr".equals(entry.stream()) ? STDERR : STDOUT, payload.length));
    }
    out.write(payload);
    out.flush();
  }
}
