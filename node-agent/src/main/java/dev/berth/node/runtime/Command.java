package dev.berth.node.runtime;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs a short-lived command to completion and captures its output. */
final class Command {

  static final File DEV_NULL = new File("/dev/null");

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

  /** Runs {@code builder}'s command with {@code input} on its stdin (none when null). */
  static Result run(ProcessBuilder builder, byte[] input) throws IOException {
    List<String> command = builder.command();
    if (input == null) {
      builder.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
    }
    Process process = builder.start();
    if (input != null) {
      try (var stdin = process.getOutputStream()) {
        stdin.write(input);
      }
    }
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()),
        Thread::startVirtualThread);
    String stdout = read(process.getInputStream());
    try {
      return new Result(process.waitFor(), stdout, stderr.join());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.getFirst(), e);
    }
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
