package dev.berth.node.runtime;

import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jnr.constants.platform.OpenFlags;
import jnr.posix.POSIX;

/**
 * conmon's control FIFO, {@code ctl} in the bundle directory it was given with {@code -b}: it reads
 * messages {@code "<type> <height> <width>\n"}, type 1 resizing the terminal ({@code TIOCSWINSZ} on
 * the pty master it holds) and type 2 reopening the log file (conmon's {@code ctrl.c}). The FIFO is
 * opened without blocking, so a conmon that is gone (nobody reading) fails fast instead of hanging
 * the caller.
 */
public final class ConmonControl {

  private static final int RESIZE = 1;
  private static final int REOPEN_LOGS = 2;
  private static final int ENXIO = 6;
  private static final int ENOENT = 2;

  private ConmonControl() {
  }

  /** The control FIFO of the conmon that runs with bundle directory {@code bundle}. */
  public static Path fifo(Path bundle) {
    return bundle.resolve("ctl");
  }

  /** Sets the terminal size; false when no conmon reads {@code fifo} (the process is not running). */
  public static boolean resize(Path fifo, int height, int width) throws IOException {
    return send(fifo, RESIZE, height, width);
  }

  /** Asks conmon to reopen its log file; fails when no conmon reads {@code fifo}. */
  public static void reopenLogs(Path fifo) throws IOException {
    if (!send(fifo, REOPEN_LOGS, 0, 0)) {
      throw new IOException("open conmon control FIFO " + fifo + ": conmon is not running");
    }
  }

  private static boolean send(Path fifo, int type, int height, int width) throws IOException {
    POSIX posix = Syscalls.posix();
    int flags = OpenFlags.O_WRONLY.intValue() | OpenFlags.O_NONBLOCK.intValue() | OpenFlags.O_CLOEXEC.intValue();
    int fd = posix.open(fifo.toString(), flags, 0);
    if (fd < 0) {
      int errno = posix.errno();
      if (errno == ENXIO || errno == ENOENT) {
        return false;
      }
      throw failure(posix, "open conmon control FIFO " + fifo);
    }
    try {
      byte[] message = (type + " " + height + " " + width + "\n").getBytes(StandardCharsets.US_ASCII);
      if (posix.write(fd, message, message.length) != message.length) {
        throw failure(posix, "write to conmon control FIFO " + fifo);
      }
      return true;
    } finally {
      posix.close(fd);
    }
  }

  private static IOException failure(POSIX posix, String call) {
    int errno = posix.errno();
    return new IOException(call + ": " + posix.strerror(errno) + " (errno " + errno + ")");
  }
}
