package dev.berth.node.logs;

import dev.berth.node.runtime.ConmonControl;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where conmon writes one container's k8s-file log, and the control FIFO through which it is asked to
 * reopen that file. Conmon creates the FIFO as {@code ctl} in the bundle directory it is given with
 * {@code -b}.
 *
 * @param file the current log file ({@code ctr.log}); rotated files sit beside it as {@code ctr.log.1},
 *     {@code ctr.log.2}, ... (1 the newest)
 * @param controlFifo conmon's {@code ctl} FIFO
 */
public record ConmonLog(Path file, Path controlFifo) {

  public ConmonLog {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(controlFifo, "controlFifo");
  }

  /** The log of a container whose conmon runs with bundle directory {@code bundle}. */
  public static ConmonLog inBundle(Path file, Path bundle) {
    return new ConmonLog(file, ConmonControl.fifo(bundle));
  }

  /** The {@code n}th rotated file, 0 being the current file. */
  public Path generation(int n) {
    return n == 0 ? file : file.resolveSibling(file.getFileName() + "." + n);
  }
}
