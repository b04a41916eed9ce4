package dev.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An external program run to completion with a timeout; its output is captured through files. */
record Command(List<String> arguments, Duration timeout) {

  Command {
    arguments = List.copyOf(arguments);
  }

  static Command of(Duration timeout, List<String> arguments) {
    return new Command(arguments, timeout);
  }

  /** Runs the program and returns what it wrote; a program still running at the timeout is killed. */
  Result run() {
    Path stdout = null;
    Path stderr = null;
    try {
      stdout = Files.createTempFile("berth-e2e-", ".out");
      stderr = Files.createTempFile("berth-e2e-", ".err");
      Process process = new ProcessBuilder(arguments)
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile())
          .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("%s timed out after %s; stderr: %s"
            .formatted(this, timeout, Files.readString(stderr)));
      }
      return new Result(this, process.exitValue(), Files.readAllBytes(stdout), Files.readString(stderr));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + this + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + this, e);
    } finally {
      deleteQuietly(stdout);
      deleteQuietly(stderr);
    }
  }

  @Override
  public String toString() {
    return String.join(" ", arguments);
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

  /** Exit status and output of one run. */
  record Result(Command command, int exitCode, byte[] stdout, String stderr) {

    boolean succeeded() {
      return exitCode == 0;
    }

    /** Asserts the run succeeded, naming the command and its stderr otherwise. */
    Result assertSucceeded() {
      assertThat(exitCode).as("exit status of `%s`; stderr:%n%s", command, stderr).isZero();
      return this;
    }
  }
}
