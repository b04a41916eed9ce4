package dev.berth.platform;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection taken over with Docker's {@code Upgrade: tcp} (the hijack of attach and exec start),
 * answered {@code 101} with {@code Connection: Upgrade} and {@code Upgrade: tcp}; afterwards it is a
 * raw byte pipe in both directions. A session reads the client's bytes (the end of them is the
 * client's half-close) and writes its own; the connection is closed when the session returns, which
 * tells the client the stream is over. Public, with a public no-argument constructor, because the
 * servlet container instantiates it.
 */
public final class TcpUpgrade implements HttpUpgradeHandler {

  private static final Logger log = LoggerFactory.getLogger(TcpUpgrade.class);

  /** What runs on the upgraded connection. */
  @FunctionalInterface
  public interface Session {
    void run(InputStream in, OutputStream out) throws IOException, InterruptedException;
  }

  private volatile Session session;

  public TcpUpgrade() {
    // instantiated by the servlet container on HttpServletRequest.upgrade
  }

  /** Whether the request asks for the connection with {@code Upgrade: tcp}. */
  public static boolean requested(HttpServletRequest request) {
    return "tcp".equalsIgnoreCase(request.getHeader("Upgrade"));
  }

  /**
   * Answers the request with 101 and {@code contentType} once the handler method returns, and then
   * runs {@code session} on the connection in a virtual thread.
   */
  public static void start(HttpServletRequest request, HttpServletResponse response, String contentType,
      Session session) throws IOException, ServletException {
    response.setHeader("Content-Type", contentType);
    response.setHeader("Connection", "Upgrade");
    response.setHeader("Upgrade", "tcp");
    request.upgrade(TcpUpgrade.class).session = session;
  }

  @Override
  public void init(WebConnection connection) {
    Session started = session;
    Thread.startVirtualThread(() -> {
      try {
        started.run(connection.getInputStream(), connection.getOutputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        log.warn("Upgraded connection ended early: {}", e.toString());
      }
      close(connection);
    });
  }

  /**
   * Closes both directions. Tomcat closes the socket of an upgraded connection only when it
   * dispatches an event for it and finds both streams closed; writes made from an application
   * thread cause no such event, so the output is closed from a write listener, whose first call
   * Tomcat dispatches. A thread still blocked reading the client then sees the socket closed.
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
          log.debug("Closing an upgraded connection failed: {}", failure.toString());
        }
      });
    } catch (IOException | IllegalStateException e) {
      log.debug("Closing an upgraded connection failed: {}", e.toString());
    }
  }

  @Override
  public void destroy() {
    // the connection is closed once its session returns
  }
}
