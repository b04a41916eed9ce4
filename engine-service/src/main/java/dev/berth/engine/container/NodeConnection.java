package dev.berth.engine.container;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A connection to a node agent taken over with {@code Upgrade: tcp} (attach, exec start): the
 * agent writes a process's output, as Docker's multiplexed frames or a terminal's raw bytes, and
 * closes the connection when the process has exited; what is sent to it is the process's stdin,
 * a half-close ending stdin.
 */
public final class NodeConnection implements AutoCloseable {

  private static final int BUFFER = 32 * 1024;

  private final Socket socket;
  private final InputStream in;

  NodeConnection(Socket socket, InputStream in) {
    this.socket = socket;
    this.in = in;
  }

  /**
   * Copies the process's output to {@code out}, flushed as it comes, until the agent closes the
   * connection or {@code out} fails (the client went away), and {@code stdin}, when not null, to the
   * process's stdin, half-closing the connection when it ends. Closes the connection on return.
   */
  public void splice(InputStream stdin, OutputStream out) throws IOException {
    try (socket) {
      if (stdin != null) {
        Thread.ofVirtual().name("stdin-to-node").start(() -> sendInput(stdin));
      }
      byte[] buffer = new byte[BUFFER];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    }
  }

  private void sendInput(InputStream stdin) {
    try {
      OutputStream toNode = socket.getOutputStream();
      byte[] buffer = new byte[BUFFER];
      try {
        for (int n = stdin.read(buffer); n >= 0; n = stdin.read(buffer)) {
          toNode.write(buffer, 0, n);
          toNode.flush();
        }
      } catch (EOFException e) {
        // Tomcat reports the client's half-close of an upgraded connection so
      }
      socket.shutdownOutput();
    } catch (IOException e) {
      // the client went away, or the process ended and the connection with it
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
