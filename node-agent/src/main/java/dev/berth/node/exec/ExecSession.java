package dev.berth.node.exec;

import dev.berth.node.api.ExecSpec;
import dev.berth.node.api.ExecStatus;

/** One exec process: what it runs and, once started, its PID and exit code. */
final class ExecSession {

  private final String id;
  private final String containerId;
  private final ExecSpec spec;
  private volatile boolean started;
  private volatile boolean running;
  private volatile int pid;
  private volatile Integer exitCode;

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

  void exited(int code) {
    this.exitCode = code;
    this.running = false;
    this.pid = 0;
  }

  ExecStatus status() {
    return new ExecStatus(id, containerId, spec, running, pid, exitCode);
  }
}
