package dev.berth.node.runtime;

import dev.berth.node.sys.SeqPacketSocket;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to conmon's attach socket, {@code attach} in the bundle directory it was given with
 * {@code -b} (a {@code SOCK_SEQPACKET} socket; conmon also links it as {@code <socket-dir>/<cuuid>}).
 * conmon sends each chunk the process writes as one packet whose first byte names the pipe —
 * {@link #STDOUT} or {@link #STDERR}; a terminal's output comes as stdout — and closes the socket
 * when the process has exited and its output is drained. Packets sent to conmon are the process's
 * stdin (when conmon runs with {@code -i}); the end of them closes stdin unless conmon runs with
 * {@code --leave-stdin-open}, while output keeps flowing (conmon's {@code conn_sock.c}).
 */
public final class ConmonAttach implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ConmonAttach.class);

  /** conmon's pipe number for stdout. */
  public static final int STDOUT = 2;
  /** conmon's pipe number for stderr. */
  public static final int STDERR = 3;

  /** conmon reads stdin packets into a 32 KiB buffer; smaller packets are never truncated. */
  private static final int STDIN_PACKET = 8192;
  /** conmon reads at most 8 KiB from a pipe and prefixes the pipe byte. */
  private static final int OUTPUT_PACKET = 64 * 1024;

  private final SeqPacketSocket socket;

  private ConmonAttach(SeqPacketSocket socket) {
    this.socket = socket;
  }

  /** Receives the process's output: {@code length} bytes of {@code buffer} from {@code offset}, on {@code pipe}. */
  @FunctionalInterface
  public interface Output {
    void write(int pipe, byte[] buffer, int offset, int length) throws IOException;
  }

  /** Connects to the attach socket of the conmon running with bundle directory {@code bundle}. */
  public static ConmonAttach connect(Path bundle) throws IOException {
    return new ConmonAttach(SeqPacketSocket.connect(bundle, "attach"));
  }

  /**
   * Copies the process's output to {@code output} until conmon closes the socket (the process exited
   * and its output is drained) or {@code output} fails (the client went away), and {@code stdin},
   * when not null, to the process's stdin until it ends, then ends stdin. Returns when the output
   * ended; the connection is closed once stdin is done too (an upgraded connection's input ends when
   * the connection closes). The socket is read in a platform thread: native reads would pin a
   * virtual thread's carrier.
   */
  public void pump(InputStream stdin, Output output) throws InterruptedException {
    AtomicInteger users = new AtomicInteger(stdin == null ? 1 : 2);
    if (stdin != null) {
      Thread.ofVirtual().name("conmon-stdin").start(() -> {
        try {
          sendInput(stdin);
        } catch (IOException e) {
          log.debug("Stdin through conmon ended early: {}", e.toString());
        } finally {
          release(users);
        }
      });
    }
    Thread reader = Thread.ofPlatform().daemon().name("conmon-output").start(() -> {
      try {
        readOutput(output);
      } catch (IOException e) {
        log.debug("Output through conmon ended early: {}", e.toString());
      } finally {
        socket.shutdown();
        release(users);
      }
    });
    reader.join();
  }

  private void readOutput(Output output) throws IOException {
    byte[] buffer = new byte[OUTPUT_PACKET];
    for (int n = socket.read(buffer); n > 0; n = socket.read(buffer)) {
      if (n > 1) {
        output.write(buffer[0], buffer, 1, n - 1);
      }
    }
  }

  /** Sends {@code in} until it ends; a read that fails (Tomcat reports a half-close so) ends it too. */
  private void sendInput(InputStream in) throws IOException {
    byte[] buffer = new byte[STDIN_PACKET];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (n > 0) {
          socket.write(buffer, 0, n);
        }
      }
    } catch (EOFException e) {
      // the client half-closed
    }
    socket.shutdownOutput();
  }

  /** Closing the socket while another thread reads or writes it could hit a reused descriptor: the last user closes. */
  private void release(AtomicInteger users) {
    if (users.decrementAndGet() == 0) {
      socket.close();
    }
  }

  /** Closes a connection that is not {@link #pump pumped}. */
  @Override
  public void close() {
    socket.close();
  }
}
