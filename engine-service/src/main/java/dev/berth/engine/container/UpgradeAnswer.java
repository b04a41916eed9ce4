package dev.berth.engine.container;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A node agent's answer to a request for {@code Upgrade: tcp}, read off the socket by hand: its
 * status and headers, and for a refusal its (small, problem+json) body, with a length or chunked.
 *
 * @param status the status code; 101 when the connection is taken over
 * @param headers the header lines, lower-cased
 */
record UpgradeAnswer(int status, String headers) {

  private static final int MAX_HEAD = 64 * 1024;
  private static final int MAX_BODY = 64 * 1024;

  /** Reads the status line and headers, up to the blank line. */
  static UpgradeAnswer read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0 || head.size() > MAX_HEAD) {
        throw new EOFException("the node agent's answer ended in its headers");
      }
      head.write(b);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    try {
      return new UpgradeAnswer(Integer.parseInt(text.substring(9, 12)), text.toLowerCase(Locale.ROOT));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new IOException("not an HTTP answer: " + text.lines().findFirst().orElse(""), e);
    }
  }

  /** The body of a refusal, as text (empty when it has none). */
  String body(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (headers.contains("\r\ntransfer-encoding: chunked")) {
      for (int size = chunkSize(in); size > 0 && body.size() < MAX_BODY; size = chunkSize(in)) {
        body.write(in.readNBytes(size));
        line(in);
      }
    } else {
      int at = headers.indexOf("\r\ncontent-length:");
      if (at >= 0) {
        int end = headers.indexOf("\r\n", at + 2);
        int length = Integer.parseInt(headers.substring(at + "\r\ncontent-length:".length(), end).strip());
        body.write(in.readNBytes(Math.min(length, MAX_BODY)));
      }
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  private static int chunkSize(InputStream in) throws IOException {
    String line = line(in);
    int extension = line.indexOf(';');
    return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).strip(), 16);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
