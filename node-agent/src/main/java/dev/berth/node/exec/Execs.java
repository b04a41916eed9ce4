package dev.berth.node.exec;

import dev.berth.node.api.ExecSpec;
import dev.berth.node.api.ExecStatus;
import dev.berth.node.api.LogEntry;
import dev.berth.node.attach.StreamFrames;
import dev.berth.node.bundle.BundleWriter;
import dev.berth.node.container.ContainerException;
import dev.berth.node.container.ContainerHost;
import dev.berth.node.container.ContainerRecord;
import dev.berth.node.container.ContainerStore;
import dev.berth.node.logs.ConmonLog;
import dev.berth.node.logs.ContainerLogs;
import dev.berth.node.logs.LogQuery;
import dev.berth.node.logs.LogRotation;
import dev.berth.node.runtime.Conmon;
import dev.berth.node.runtime.ConmonAttach;
import dev.berth.node.runtime.ConmonControl;
import dev.berth.node.runtime.OciRuntime;
import dev.berth.node.snapshot.FileTrees;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Runs exec processes through the OCI runtime ({@code runc exec --process}), the agent holding
 * their stdio pipes and streaming stdout and stderr apart as Docker's multiplexed frames; an exec
 * with a terminal runs under conmon, which receives the terminal from the runtime: its output is
 * streamed raw from conmon's log, its stdin goes through conmon's attach socket and its terminal is
 * resized through conmon's control FIFO. Each exec has a directory of its own while it runs.
 */
@Component
public class Execs {

  private static final Duration ATTACH_PATIENCE = Duration.ofSeconds(5);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BUFFER = 32 * 1024;

  private final ContainerStore store;
  private final OciRuntime runtime;
  private final BundleWriter bundles;
  private final ContainerHost host;
  private final Conmon conmon;
  private final ContainerLogs logs;
  private final LogRotation logArgs;
  private final Map<String, ExecSession> sessions = new ConcurrentHashMap<>();

  Execs(ContainerStore store, OciRuntime runtime, BundleWriter bundles, ContainerHost host, Conmon conmon,
      ContainerLogs logs, LogRotation logArgs) {
    this.store = store;
    this.runtime = runtime;
    this.bundles = bundles;
    this.host = host;
    this.conmon = conmon;
    this.logs = logs;
    this.logArgs = logArgs;
  }

  public ExecStatus create(String containerId, ExecSpec spec) {
    ContainerRecord container = running(containerId);
    if (spec == null || spec.cmd() == null || spec.cmd().isEmpty() || spec.cmd().getFirst().isBlank()) {
      throw new ContainerException.InvalidArgument("cmd must name the program to run");
    }
    try {
      bundles.execProcess(host.bundleRequest(container), spec);
    } catch (IllegalArgumentException e) {
      throw new ContainerException.InvalidArgument(e.getMessage());
    } catch (IOException e) {
      throw new ContainerException.Failed("cannot prepare exec in " + containerId + ": " + e.getMessage(), e);
    }
    sessions.values().removeIf(session -> store.find(session.containerId()).isEmpty());
    String id = HexFormat.of().formatHex(randomBytes());
    ExecSession session = new ExecSession(id, container.id(), spec);
    sessions.put(id, session);
    return session.status();
  }

  public ExecStatus inspect(String execId) {
    return session(execId).status();
  }

  /**
   * Runs the exec to its end, writing its output to {@code out} — as multiplexed frames, or raw from
   * its terminal when it has one — and feeding {@code stdin} (when not null) to its stdin, the end of
   * it ending stdin; returns the exit code.
   */
  public int start(String execId, InputStream stdin, OutputStream out) throws IOException {
    ExecSession session = session(execId);
    if (!session.begin()) {
      throw new ContainerException.Conflict("exec " + execId + " has already been started");
    }
    ContainerRecord container;
    try {
      container = running(session.containerId());
    } catch (ContainerException e) {
      session.exited(126);
      throw e;
    }
    Path dir = Files.createDirectories(store.bundle(container.id()).resolve("execs").resolve(execId));
    Path processJson = dir.resolve("process.json");
    try {
      bundles.writeProcess(processJson, bundles.execProcess(host.bundleRequest(container), session.spec()));
      int code = session.spec().tty() ? onTerminal(container, session, dir, processJson, stdin, out)
          : withPipes(container, session, dir, processJson, stdin, out);
      session.exited(code);
      return code;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running exec " + execId, e);
    } finally {
      if (session.status().running()) {
        session.exited(126);
      }
      FileTrees.delete(dir);
    }
  }

  /** Sets the terminal size of a running exec that has one; otherwise there is nothing to resize. */
  public void resize(String execId, int height, int width) {
    ExecSession session = session(execId);
    Path terminal = session.terminal();
    if (terminal == null) {
      return;
    }
    try {
      ConmonControl.resize(ConmonControl.fifo(terminal), height, width);
    } catch (IOException e) {
      throw new ContainerException.Failed("cannot resize the terminal of exec " + execId + ": " + e.getMessage(), e);
    }
  }

  private int withPipes(ContainerRecord container, ExecSession session, Path dir, Path processJson,
      InputStream stdin, OutputStream out) throws IOException, InterruptedException {
    Path pidFile = dir.resolve(session.id() + ".pid");
    Process process = runtime.exec(container.id(), processJson, pidFile)
        .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
            : ProcessBuilder.Redirect.PIPE)
        .start();
    if (stdin != null) {
      Thread.ofVirtual().name("exec-stdin-" + session.id()).start(() -> feed(stdin, process.getOutputStream()));
    }
    StreamFrames frames = new StreamFrames(out);
    Thread stderr = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), frames, StreamFrames.STDERR));
    readPid(pidFile, session);
    copy(process.getInputStream(), frames, StreamFrames.STDOUT);
    stderr.join();
    return process.waitFor();
  }

  /**
   * A terminal needs a console socket, which conmon handles; its output arrives through its log file,
   * stdin through conmon's attach socket.
   */
  private int onTerminal(ContainerRecord container, ExecSession session, Path dir, Path processJson,
      InputStream stdin, OutputStream out) throws IOException, InterruptedException {
    ConmonLog log = new ConmonLog(dir.resolve(session.id() + ".log"), ConmonControl.fifo(dir));
    try (Conmon.ExecSession process = conmon.exec(new Conmon.Exec(container.id(), session.id(), dir, processJson,
        logArgs.conmonArgs(log), stdin != null))) {
      session.terminal(dir);
      session.running(process.pid());
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
        try {
          return process.awaitExit();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, Thread::startVirtualThread);
      if (stdin != null) {
        // conmon sends the terminal's output to the socket too: it is read and dropped, the log has it
        Optional<ConmonAttach> attach = attachWhileRunning(dir, exit);
        attach.ifPresent(socket -> Thread.ofVirtual().name("exec-attach-" + session.id())
            .start(() -> feed(stdin, socket)));
      }
      logs.read(log, LogQuery.following(), exit::isDone, entry -> write(out, entry));
      return exit.join();
    }
  }

  /**
   * Connects to an exec's attach socket for its stdin. conmon binds it around the time it reports the
   * pid and removes it when the process ends, so a missing socket is tried again while the process
   * runs, for up to {@link #ATTACH_PATIENCE}; a process that ended first gets no stdin (empty).
   */
  private static Optional<ConmonAttach> attachWhileRunning(Path dir, CompletableFuture<Integer> exit)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + ATTACH_PATIENCE.toNanos();
    while (true) {
      try {
        return Optional.of(ConmonAttach.connect(dir));
      } catch (IOException notListening) {
        if (exit.isDone()) {
          return Optional.empty();
        }
        if (System.nanoTime() > deadline) {
          throw notListening;
        }
        Thread.sleep(10);
      }
    }
  }

  /**
   * Copies the client's input to the process's stdin pipe, each chunk as it comes; its end (or a
   * failed read: Tomcat reports a half-close as EOFException) closes the pipe.
   */
  private static void feed(InputStream in, OutputStream stdin) {
    try (stdin) {
      byte[] buffer = new byte[BUFFER];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        stdin.write(buffer, 0, n);
        stdin.flush();
      }
    } catch (IOException e) {
      // the client went away or the process closed its stdin
    }
  }

  /** Sends the client's input to conmon, which passes it to the terminal; its end closes conmon's stdin. */
  private static void feed(InputStream in, ConmonAttach attach) {
    try {
      attach.pump(in, (pipe, buffer, offset, length) -> { });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(OutputStream out, LogEntry entry) {
    try {
      out.write(entry.line().getBytes(StandardCharsets.UTF_8));
      if (!entry.partial()) {
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readPid(Path pidFile, ExecSession session) {
    try {
      if (Files.exists(pidFile)) {
        session.running(Integer.parseInt(Files.readString(pidFile).strip()));
      }
    } catch (IOException | NumberFormatException e) {
      session.running(0);
    }
  }

  private static void copy(InputStream in, StreamFrames frames, int stream) {
    byte[] buffer = new byte[BUFFER];
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        frames.write(stream, buffer, 0, n);
      }
    } catch (IOException e) {
      // the client went away or the process closed its end: the exit code still counts
    }
  }

  private ContainerRecord running(String containerId) {
    ContainerRecord container = store.get(containerId);
    if (!container.state().equals(ContainerRecord.RUNNING)) {
      throw new ContainerException.Conflict("Container " + containerId + " is not running");
    }
    return container;
  }

  private ExecSession session(String execId) {
    ExecSession session = sessions.get(execId);
    if (session == null) {
      throw new ContainerException.NotFound("exec instance", execId);
    }
    return session;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
