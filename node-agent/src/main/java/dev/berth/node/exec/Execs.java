package dev.berth.node.exec;

import dev.berth.node.api.ExecSpec;
import dev.berth.node.api.ExecStatus;
import dev.berth.node.bundle.BundleWriter;
import dev.berth.node.container.ContainerException;
import dev.berth.node.container.ContainerHost;
import dev.berth.node.container.ContainerRecord;
import dev.berth.node.container.ContainerStore;
import dev.berth.node.runtime.OciRuntime;
import dev.berth.node.api.LogEntry;
import dev.berth.node.logs.ConmonLog;
import dev.berth.node.logs.ContainerLogs;
import dev.berth.node.logs.LogQuery;
import dev.berth.node.logs.LogRotation;
import dev.berth.node.runtime.Conmon;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Runs exec processes through the OCI runtime ({@code runc exec --process}), the agent holding
 * their stdio pipes and streaming stdout and stderr apart as Docker's multiplexed frames; an exec
 * with a terminal runs under conmon, which receives the terminal from the runtime, and its output
 * is streamed raw from conmon's log.
 */
@Component
public class Execs {

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
   * its terminal when it has one — and returns its exit code.
   */
  public int start(String execId, OutputStream out) throws IOException {
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
    Path dir = Files.createDirectories(store.dir(container.id()).resolve("execs"));
    Path processJson = dir.resolve(execId + ".json");
    try {
      bundles.writeProcess(processJson, bundles.execProcess(host.bundleRequest(container), session.spec()));
      int code = session.spec().tty() ? onTerminal(container, session, dir, processJson, out)
          : withPipes(container, session, dir, processJson, out);
      session.exited(code);
      return code;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running exec " + execId, e);
    } finally {
      if (session.status().running()) {
        session.exited(126);
      }
      try (var files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.getFileName().toString().startsWith(execId)).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private int withPipes(ContainerRecord container, ExecSession session, Path dir, Path processJson,
      OutputStream out) throws IOException, InterruptedException {
    Path pidFile = dir.resolve(session.id() + ".pid");
    Process process = new ProcessBuilder(runtime.execCommand(container.id(), processJson, pidFile))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    StreamFrames frames = new StreamFrames(out);
    Thread stderr = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), frames, StreamFrames.STDERR));
    readPid(pidFile, session);
    copy(process.getInputStream(), frames, StreamFrames.STDOUT);
    stderr.join();
    return process.waitFor();
  }

  /** A terminal needs a console socket, which conmon handles; its output arrives through its log file. */
  private int onTerminal(ContainerRecord container, ExecSession session, Path dir, Path processJson,
      OutputStream out) throws IOException, InterruptedException {
    ConmonLog log = new ConmonLog(dir.resolve(session.id() + ".log"), dir.resolve(session.id() + ".ctl"));
    try (Conmon.ExecSession process = conmon.exec(new Conmon.Exec(container.id(), session.id(), dir, processJson,
        logArgs.conmonArgs(log)))) {
      session.running(process.pid());
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
        try {
          return process.awaitExit();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, Thread::startVirtualThread);
      logs.read(log, LogQuery.following(), exit::isDone, entry -> write(out, entry));
      return exit.join();
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
        frames.write(stream, buffer, n);
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
