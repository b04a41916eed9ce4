package dev.berth.node.runtime;

import dev.berth.node.sys.Spawn;
import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a short-lived command to completion and captures its output. */
final class Command {

  private static final byte[] NONE = new byte[0];

  private Command() {
  }

  /** The outcome of a command. */
  record Result(int exitCode, String stdout, String stderr) {

    boolean succeeded() {
      return exitCode == 0;
    }

    /** The command's error output, or its standard output when it printed no error. */
    String message() {
      String text = stderr.isBlank() ? stdout : stderr;
      return text.strip();
    }
  }

  /**
   * Runs {@code command} (its program a path) with {@code environment} added to the agent's and
   * {@code input} on its stdin (none when null).
   */
  static Result run(List<String> command, Map<String, String> environment, byte[] input) throws IOException {
    int stdin = input == null ? Spawn.devNull() : Spawn.memoryFile("stdin", input);
    try {
      int stdout = Spawn.memoryFile("stdout", NONE);
      try {
        int stderr = Spawn.memoryFile("stderr", NONE);
        try {
          int exitCode = Spawn.start(command, environment(environment), null, stdin, stdout, stderr).await();
          return new Result(exitCode, text(Spawn.read(stdout)), text(Spawn.read(stderr)));
        } finally {
          Syscalls.close(stderr);
        }
      } finally {
        Syscalls.close(stdout);
      }
    } finally {
      if (input != null) {
        Syscalls.close(stdin);
      }
    }
  }

  /** The agent's environment with {@code added} on top. */
  static Map<String, String> environment(Map<String, String> added) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.putAll(added);
    return environment;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
