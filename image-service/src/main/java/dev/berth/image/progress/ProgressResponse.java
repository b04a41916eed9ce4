package dev.berth.image.progress;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Streams pull or push progress as one JSON document per line, flushed as it comes. Nothing is
 * sent until the first step after the opening one (for a pull: once its manifest resolved; for a
 * push: once its layers are being prepared), so that an unknown image or a refused login still gets a
 * plain HTTP error; afterwards failures can only be reported in the stream. Byte counts of a
 * layer are sent at most every {@value #INTERVAL_MILLIS} ms, and always when it completes.
 */
public final class ProgressResponse implements Consumer<Progress> {

  private static final long INTERVAL_MILLIS = 200;

  private final HttpServletResponse response;
  private final String contentType;
  private final Function<Progress, byte[]> format;
  private final Map<String, Long> lastSent = new HashMap<>();
  private Progress held;
  private OutputStream out;

  /**
   * @param format renders one event as a line (without the newline); null skips the event
   */
  public ProgressResponse(HttpServletResponse response, String contentType, Function<Progress, byte[]> format) {
    this.response = response;
    this.contentType = contentType;
    this.format = format;
  }

  @Override
  public void accept(Progress event) {
    if (out == null && (event.status() == Progress.Status.PULLING_FROM
        || event.status() == Progress.Status.PUSH_REFERS_TO)) {
      held = event;
      return;
    }
    if ((event.status() == Progress.Status.DOWNLOADING || event.status() == Progress.Status.PUSHING
        || event.status() == Progress.Status.IMAGE_TRANSFER) && !due(event)) {
      return;
    }
    try {
      start();
      write(event);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("client went away while progress was streamed", e);
    }
  }

  /** Whether anything was sent: after that, errors must go into the stream. */
  public boolean started() {
    return out != null;
  }

  /** Sends {@code line} (an error report, say) as the last line of the stream. */
  public void finish(byte[] line) throws IOException {
    start();
    out.write(line);
    out.write('\n');
    out.flush();
  }

  private boolean due(Progress event) {
    long now = System.currentTimeMillis();
    Long last = lastSent.get(event.id());
    if (event.current() < event.total() && last != null && now - last < INTERVAL_MILLIS) {
      return false;
    }
    lastSent.put(event.id(), now);
    return true;
  }

  private void start() throws IOException {
    if (out != null) {
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(contentType);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    out = response.getOutputStream();
    if (held != null) {
      write(held);
      held = null;
    }
  }

  private void write(Progress event) throws IOException {
    byte[] line = format.apply(event);
    if (line != null) {
      out.write(line);
      out.write('\n');
    }
  }
}
