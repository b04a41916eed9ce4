package dev.berth.node.exec;

import dev.berth.node.api.ExecSpec;
import dev.berth.node.api.ExecStatus;
import java.nio.file.Path;

/**
 * One exec process: what it runs and, once started, its PID, the directory of its conmon while it
 * runs on a terminal, and its exit code.
 */
final class ExecSession {

  private final String id;
  private final String containerId;
  private final ExecSpec spec;
  private volatile boolean started;
  private volatile boolean running;
  private volatile int pid;
  private volatile Integer exitCode;
  private volatile Path terminal;

  ExecSession(String id, String containerId, ExecSpec spec) {
    this.id = id;
    this.containerId = containerId;
    this.spec = spec;
  }

  String id() {
    return id;
  }

  String containerId() {
    return containerId;
  }

  ExecSpec spec() {
    return spec;
  }

  /** Marks the session started; false when it already was (an exec runs once). */
  synchronized boolean begin() {
    if (started) {
      return false;
    }
    started = true;
    running = true;
    return true;
  }

  void running(int processId) {
    this.pid = processId;
  }

  /** The process runs on a terminal whose conmon has {@code dir} as its bundle directory. */
  void terminal(Path dir) {
    this.terminal = dir;
  }

  /** The bundle directory of the conmon holding the running process's terminal, or null. */
  Path terminal() {
    return terminal;
  }

  void exited(int code) {
    this.exitCode = code;
    this.running = false;
    this.pid = 0;
    this.terminal = null;
  }

  ExecStatus status() {
    return new ExecStatus(id, containerId, spec, running, pid, exitCode);
  }
}
