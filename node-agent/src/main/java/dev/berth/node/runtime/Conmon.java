package dev.berth.node.runtime;

import dev.berth.node.sys.Spawn;
import dev.berth.node.sys.Syscalls;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts containers under conmon. conmon forks into its own session (so the container outlives the
 * agent), runs {@code <runtime> create}, reports the container's PID on a sync pipe, then copies the
 * container's stdout and stderr into its log, writes the exit code to {@code <exitDir>/<id>} when
 * the container exits and creates {@code oom} in the bundle directory (its working directory) when
 * the kernel OOM-killed it. Its control FIFO ({@link ConmonControl}) and attach socket
 * ({@link ConmonAttach}) are in the bundle directory, linked as {@code <socketDir>/<id>}.
 */
public class Conmon {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int SIGTERM = 15;

  private final Path binary;
  private final OciRuntime runtime;
  private final Path socketDir;

  public Conmon(Path binary, OciRuntime runtime, Path socketDir) {
    this.binary = binary;
    this.runtime = runtime;
    this.socketDir = socketDir;
  }

  /**
   * What to launch.
   *
   * @param id the container ID
   * @param name the container's name
   * @param bundle the OCI bundle directory (config.json and rootfs); conmon's working directory
   * @param exitDir where conmon writes the exit code file named after the ID
   * @param logArgs conmon's log options ({@code -l k8s-file:...}, {@code --log-size-max ...})
   * @param tty whether the process has a terminal
   * @param stdin whether stdin stays open for attach
   */
  public record Launch(String id, String name, Path bundle, Path exitDir, List<String> logArgs, boolean tty,
      boolean stdin) {
  }

  /** Creates the container (not yet started) and returns the host PID of its init process. */
  public int create(Launch launch) throws IOException {
    try (SyncPipe sync = spawn(command(launch), launch.bundle())) {
      return sync.pid("create " + launch.id());
    }
  }

  /**
   * An exec process conmon supervises, with a terminal: its output goes to the log given; its
   * control FIFO (terminal size) and attach socket (stdin) are in {@code dir}.
   *
   * @param containerId the container it runs in
   * @param execId its own ID
   * @param dir the exec's own directory: process spec, PID file, exit file, control FIFO
   *     and attach socket
   * @param processJson the runtime process spec ({@code runc exec --process})
   * @param logArgs conmon's log options
   * @param stdin whether stdin is open, fed through the attach socket
   */
  public record Exec(String containerId, String execId, Path dir, Path processJson, List<String> logArgs,
      boolean stdin) {
  }

  /** Starts {@code exec} on a terminal; the session yields its PID now and its exit code once it exits. */
  public ExecSession exec(Exec exec) throws IOException {
    List<String> command = new ArrayList<>(List.of(binary.toString(),
        "--api-version", "1", "-c", exec.containerId(), "-u", exec.execId(), "-r", runtime.binary().toString(),
        "-p", exec.dir().resolve(exec.execId() + ".pid").toString(), "--exit-dir", exec.dir().toString(),
        "-b", exec.dir().toString(), "--socket-dir-path", socketDir.toString(), "--log-level", "error", "-e",
        "--exec-process-spec", exec.processJson().toString(), "-t"));
    if (exec.stdin()) {
      command.add("-i");
    }
    for (String arg : runtime.globalArgs()) {
      command.add("--runtime-arg=" + arg);
    }
    command.addAll(exec.logArgs());
    SyncPipe sync = spawn(command, exec.dir());
    try {
      return new ExecSession(sync.pid("exec in " + exec.containerId()), sync, socketDir.resolve(exec.execId()));
    } catch (IOException | RuntimeException e) {
      sync.close();
      throw e;
    }
  }

  /** A running exec: its PID, and its exit code when it ends. */
  public static final class ExecSession implements AutoCloseable {

    private final int pid;
    private final SyncPipe sync;
    private final Path socketLink;

    private ExecSession(int pid, SyncPipe sync, Path socketLink) {
      this.pid = pid;
      this.sync = sync;
      this.socketLink = socketLink;
    }

    public int pid() {
      return pid;
    }

    /** Waits for the process to exit and returns its exit code. */
    public int awaitExit() throws IOException {
      String line = sync.reader.readLine();
      if (line == null) {
        throw new RuntimeFailure("conmon exited without the exit code of exec process " + pid);
      }
      return JSON.readTree(line).path("data").asInt(-1);
    }

    /** Ends the session and removes conmon's link to its attach socket. */
    @Override
    public void close() throws IOException {
      try {
        sync.close();
      } finally {
        Files.deleteIfExists(socketLink);
      }
    }
  }

  /**
   * conmon's sync pipe, on its descriptor 3: conmon writes {@code {"data": <pid>}} once the runtime created
   * the process (or a negative number and a message), and for an exec its exit code later. conmon's own
   * output (its errors) goes to a memory file read once it exited.
   */
  private static final class SyncPipe implements AutoCloseable {

    private final Spawn.Child conmon;
    private final int output;
    private final BufferedReader reader;
    private boolean exited;

    private SyncPipe(Spawn.Child conmon, int output, BufferedReader reader) {
      this.conmon = conmon;
      this.output = output;
      this.reader = reader;
    }

    int pid(String what) throws IOException {
      String line = reader.readLine();
      conmon.await();
      exited = true;
      if (line == null) {
        throw new RuntimeFailure("conmon failed to " + what + ": "
            + new String(Spawn.read(output), StandardCharsets.UTF_8).strip());
      }
      JsonNode message = JSON.readTree(line);
      int pid = message.path("data").asInt(-1);
      if (pid <= 0) {
        throw new RuntimeFailure(createError(message.path("message").asString("exit status " + pid)));
      }
      return pid;
    }

    @Override
    public void close() throws IOException {
      try {
        if (!exited) {
          Syscalls.posix().kill(conmon.pid(), SIGTERM);
          conmon.await();
        }
        reader.close();
      } finally {
        Syscalls.close(output);
      }
    }
  }

  /**
   * Starts conmon in {@code dir}, its stdin {@code /dev/null}, its output in a memory file and the write end
   * of its sync pipe on descriptor 3.
   */
  private SyncPipe spawn(List<String> command, Path dir) throws IOException {
    Map<String, String> environment = new HashMap<>(runtime.environment());
    environment.put("_OCI_SYNCPIPE", "3");
    int[] pipe = Spawn.pipe();
    try {
      int output = Spawn.memoryFile("conmon-output", new byte[0]);
      try {
        Spawn.Child conmon = Spawn.start(command, Command.environment(environment), dir, Spawn.devNull(), output,
            output, pipe[1]);
        try {
          // a read end of our own, opened while this process still holds the write end (else the open would wait)
          return new SyncPipe(conmon, output, Files.newBufferedReader(Path.of("/proc/self/fd/" + pipe[0]),
              StandardCharsets.UTF_8));
        } catch (IOException e) {
          Syscalls.posix().kill(conmon.pid(), SIGTERM);
          conmon.await();
          throw e;
        }
      } catch (IOException | RuntimeException e) {
        Syscalls.close(output);
        throw e;
      }
    } finally {
      Syscalls.close(pipe[1]);
      Syscalls.close(pipe[0]);
    }
  }

  /** Removes the link conmon made to the container's attach socket, once its run is over. */
  public void forget(String id) throws IOException {
    Files.deleteIfExists(socketDir.resolve(id));
  }

  /** The PID file conmon writes its own PID to. */
  private static Path pidFile(Path bundle) {
    return bundle.resolve("conmon.pid");
  }

  /** The file runc writes the container's init PID to. */
  private static Path containerPidFile(Path bundle) {
    return bundle.resolve("pidfile");
  }

  /** The marker conmon creates when the container was OOM-killed. */
  public static Path oomFile(Path bundle) {
    return bundle.resolve("oom");
  }

  private List<String> command(Launch launch) {
    List<String> command = new ArrayList<>(List.of(binary.toString(),
        "--api-version", "1", "-c", launch.id(), "-u", launch.id(), "-n", launch.name(),
        "-r", runtime.binary().toString(), "-b", launch.bundle().toString(),
        "-p", containerPidFile(launch.bundle()).toString(), "-P", pidFile(launch.bundle()).toString(),
        "--exit-dir", launch.exitDir().toString(), "--socket-dir-path", socketDir.toString(),
        "--log-level", "error"));
    for (String arg : runtime.globalArgs()) {
      command.add("--runtime-arg=" + arg);
    }
    command.addAll(launch.logArgs());
    if (launch.tty()) {
      command.add("-t");
    }
    if (launch.stdin()) {
      command.add("-i");
    }
    return command;
  }

  /** runc's errors arrive as its log lines ({@code time="..." level=error msg="..."}); keep the message. */
  private static String createError(String message) {
    int start = message.lastIndexOf("msg=\"");
    if (start < 0) {
      return message.strip();
    }
    StringBuilder text = new StringBuilder();
    for (int i = start + 5; i < message.length() && message.charAt(i) != '"'; i++) {
      char c = message.charAt(i);
      if (c == '\\' && i + 1 < message.length()) {
        c = message.charAt(++i);
      }
      text.append(c);
    }
    return text.toString().strip();
  }
}
