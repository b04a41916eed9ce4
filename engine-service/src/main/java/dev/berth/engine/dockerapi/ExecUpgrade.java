package dev.berth.engine.dockerapi;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection taken over with Docker's {@code Upgrade: tcp} (answered {@code 101 UPGRADED}): the
 * output of an exec is written to it as it comes, and it is closed when the exec ends, which tells
 * the client the process is done. Public, with a public no-argument constructor, because the
 * servlet container instantiates it.
 */
public final class ExecUpgrade implements HttpUpgradeHandler {

  private static final Logger log = LoggerFactory.getLogger(ExecUpgrade.class);

  /** What to write to the upgraded connection. */
  @FunctionalInterface
  interface Output {
    void writeTo(OutputStream out) throws IOException, InterruptedException;
  }

  private volatile Output output;

  public ExecUpgrade() {
    // instantiated by the servlet container on HttpServletRequest.upgrade
  }

  void output(Output source) {
    this.output = source;
  }

  @Override
  public void init(WebConnection connection) {
    Output source = output;
    Thread.startVirtualThread(() -> {
      try {
        source.writeTo(connection.getOutputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        log.debug("Upgraded exec connection ended early: {}", e.toString());
      }
      close(connection);
    });
  }

  /**
   * Closes both directions. Tomcat closes the socket of an upgraded connection only when it
   * dispatches an event for it and finds both streams closed; writes made from an application
   * thread cause no such event, so the output is closed from a write listener, whose first call
   * Tomcat dispatches.
   */
  private static void close(WebConnection connection) {
    try {
      connection.getInputStream().close();
      ServletOutputStream out = connection.getOutputStream();
      out.setWriteListener(new WriteListener() {
        @Override
        public void onWritePossible() throws IOException {
          out.close();
        }

        @Override
        public void onError(Throwable failure) {
          log.debug("Closing an upgraded exec connection failed: {}", failure.toString());
        }
      });
    } catch (IOException | IllegalStateException e) {
      log.debug("Closing an upgraded exec connection failed: {}", e.toString());
    }
  }

  @Override
  public void destroy() {
    // the connection is closed once the exec's output has been written
  }
}
