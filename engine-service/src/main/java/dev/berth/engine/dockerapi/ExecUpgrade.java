package dev.berth.engine.dockerapi;

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
      try (connection) {
        source.writeTo(connection.getOutputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        log.debug("Upgraded exec connection ended: {}", e.toString());
      }
    });
  }

  @Override
  public void destroy() {
    // the connection is closed by the thread that writes to it
  }
}
