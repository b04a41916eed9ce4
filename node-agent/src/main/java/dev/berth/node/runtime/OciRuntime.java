package dev.berth.node.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OCI runtime's command line ({@code runc} or {@code crun}, which share it), with its state kept
 * under one root directory. No state logic: each method is one runtime call.
 */
public class OciRuntime {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String name;
  private final Path binary;
  private final Path root;

  public OciRuntime(String name, Path binary, Path root) {
    this.name = name;
    this.binary = binary;
    this.root = root;
  }

  /** {@code runc} or {@code crun}. */
  public String name() {
    return name;
  }

  public Path binary() {
    return binary;
  }

  /**
   * What every call adds to the environment: {@code _LIBCONTAINER_CLONED_BINARY} tells runc and crun,
   * run from the read-only bind mount {@code RuntimeStateDir#runtimeBinary} makes, not to re-execute a
   * protected copy of themselves first.
   */
  public Map<String, String> environment() {
    return Map.of("_LIBCONTAINER_CLONED_BINARY", "1");
  }

  /** The arguments every call passes before its command (the state root). */
  public List<String> globalArgs() {
    return List.of("--root", root.toString());
  }

  public void start(String id) throws IOException {
    call("start", id);
  }

  /** Sends {@code signal} (a name such as {@code SIGTERM} or a number) to the init process, or to all with {@code all}. */
  public void kill(String id, String signal, boolean all) throws IOException {
    if (all) {
      call("kill", "--all", id, signal);
    } else {
      call("kill", id, signal);
    }
  }

  public void pause(String id) throws IOException {
    call("pause", id);
  }

  public void resume(String id) throws IOException {
    call("resume", id);
  }

  /** Removes the container's runtime state and cgroups; with {@code force} kills it first. Absent containers are fine. */
  public void delete(String id, boolean force) throws IOException {
    Command.Result result = run(force ? List.of("delete", "--force", id) : List.of("delete", id), null);
    if (!result.succeeded() && !notFound(result)) {
      throw new RuntimeFailure(name + " delete " + id + ": " + result.message());
    }
  }

  /** Whether the runtime keeps state for the container (a cheap check, no runtime call). */
  public boolean exists(String id) {
    return Files.isDirectory(stateDir(id));
  }

  /** The IDs of the containers the runtime keeps state for. */
  public List<String> containers() throws IOException {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(Files::isDirectory).map(entry -> entry.getFileName().toString()).toList();
    }
  }

  /** The directory the runtime keeps the container's state in. */
  Path stateDir(String id) {
    return root.resolve(id);
  }

  /** The runtime's view of the container, empty when it does not know it. */
  public Optional<RuntimeState> state(String id) throws IOException {
    Command.Result result = run(List.of("state", id), null);
    if (!result.succeeded()) {
      if (notFound(result)) {
        return Optional.empty();
      }
      throw new RuntimeFailure(name + " state " + id + ": " + result.message());
    }
    JsonNode state = JSON.readTree(result.stdout());
    return Optional.of(new RuntimeState(id, state.path("status").asString(), state.path("pid").asInt()));
  }

  /** Changes the cgroup limits of a running container; {@code resources} is runtime-spec linux.resources JSON. */
  public void update(String id, byte[] resources) throws IOException {
    Command.Result result = run(List.of("update", "--resources", "-", id), resources);
    if (!result.succeeded()) {
      throw new RuntimeFailure(name + " update " + id + ": " + result.message());
    }
  }

  /** Host PIDs of every process in the container. */
  public List<Integer> pids(String id) throws IOException {
    Command.Result result = call("ps", "--format", "json", id);
    List<Integer> pids = new ArrayList<>();
    JSON.readTree(result.stdout()).forEach(pid -> pids.add(pid.asInt()));
    return pids;
  }

  /** The call that runs the process described by {@code processJson} in the container and waits for it. */
  public ProcessBuilder exec(String id, Path processJson, Path pidFile) {
    ProcessBuilder builder = new ProcessBuilder(command(List.of("exec", "--process", processJson.toString(),
        "--pid-file", pidFile.toString(), id)));
    builder.environment().putAll(environment());
    return builder;
  }

  private Command.Result call(String... args) throws IOException {
    Command.Result result = run(List.of(args), null);
    if (!result.succeeded()) {
      throw new RuntimeFailure(name + " " + args[0] + " " + args[args.length - 1] + ": " + result.message());
    }
    return result;
  }

  private Command.Result run(List<String> args, byte[] input) throws IOException {
    return Command.run(command(args), environment(), input);
  }

  private List<String> command(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toAbsolutePath().toString());
    command.addAll(globalArgs());
    command.addAll(args);
    return command;
  }

  private static boolean notFound(Command.Result result) {
    String message = result.message();
    return message.contains("does not exist") || message.contains("not found") || message.contains("No such file");
  }
}
