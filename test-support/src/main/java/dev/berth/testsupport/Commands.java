package dev.berth.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external tools (umoci, skopeo, ...) for tests, with their output captured through files. */
public final class Commands {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** Exit status and output of one run. */
  public record Result(List<String> command, int exitCode, byte[] stdout, String stderr) {

    public boolean succeeded() {
      return exitCode == 0;
    }

    /** Fails, naming the command and its stderr, unless the run succeeded. */
    public Result assertSucceeded() {
      if (!succeeded()) {
        throw new AssertionError("exit " + exitCode + ": " + String.join(" ", command) + "\n" + stderr);
      }
      return this;
    }

    public String stdoutText() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  private Commands() {
  }

  /** Runs {@code command}, waits up to two minutes, and returns its standard output; fails unless it succeeded. */
  public static String run(String... command) {
    return result(TIMEOUT, List.of(command)).assertSucceeded().stdoutText();
  }

  /** Runs {@code command} with no input, killing it at {@code timeout}, whatever its exit status. */
  public static Result result(Duration timeout, List<String> command) {
    Path stdout = null;
    Path stderr = null;
    try {
      stdout = Files.createTempFile("berth-cmd", ".out");
      stderr = Files.createTempFile("berth-cmd", ".err");
      Process process = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile())
          .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command) + "\n"
            + Files.readString(stderr));
      }
      return new Result(List.copyOf(command), process.exitValue(), Files.readAllBytes(stdout), Files.readString(stderr));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    } finally {
      deleteQuietly(stdout);
      deleteQuietly(stderr);
    }
  }

  /** Whether {@code tool} is on the PATH. */
  public static boolean available(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a leftover temp file is harmless
    }
  }
}
