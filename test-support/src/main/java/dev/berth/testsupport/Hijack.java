package dev.berth.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A client of Docker's hijacked connections, as the docker CLI speaks them: a POST with
 * {@code Connection: Upgrade} and {@code Upgrade: tcp}, the {@code 101} answer, then raw bytes both
 * ways — stdin sent raw, the output read as multiplexed frames or raw terminal bytes, the client's
 * half-close ending stdin and the server's close ending the output.
 */
public final class Hijack implements AutoCloseable {

  private final Socket socket;
  private final DataInputStream in;
  private final String head;

  private Hijack(Socket socket, DataInputStream in, String head) {
    this.socket = socket;
    this.in = in;
    this.head = head;
  }

  /** Sends {@code POST path} with {@code body} (or none) to {@code address} (host:port) asking for the upgrade. */
  public static Hijack open(String address, String path, String body) throws IOException {
    int colon = address.lastIndexOf(':');
    Socket socket = new Socket(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    socket.setSoTimeout(60_000);
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(("POST " + path + " HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
        + "Content-Type: " + (body == null ? "text/plain" : "application/json") + "\r\nContent-Length: "
        + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(content);
    out.flush();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    return new Hijack(socket, in, head.toString(StandardCharsets.ISO_8859_1));
  }

  /** The status line and headers of the answer. */
  public String head() {
    return head;
  }

  /** The answer's status code. */
  public int status() {
    return Integer.parseInt(head.substring(9, 12));
  }

  /** Sends {@code text} as stdin. */
  public void send(String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
  }

  /** Half-closes the connection: the end of stdin. */
  public void closeStdin() throws IOException {
    socket.shutdownOutput();
  }

  /** The next multiplexed frame as {@code stream:payload}, or null at the end of the stream. */
  public String frame() throws IOException {
    return StdFrames.next(in);
  }

  /** Every remaining frame, until the server closes the connection. */
  public List<String> frames() throws IOException {
    return StdFrames.all(in);
  }

  /** Raw output until {@code text} has been read; all of it read. */
  public String readUntil(String text) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    while (!read.toString(StandardCharsets.UTF_8).contains(text)) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("stream ended before " + text + ": " + read.toString(StandardCharsets.UTF_8));
      }
      read.write(b);
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  /** The remaining raw output, until the server closes the connection. */
  public String rest() throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
