package dev.berth.e2e.stack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command line client to its end, with its output captured in files (so that a client that
 * leaves a child behind cannot block the test on a pipe).
 */
public final class Cli {

  private Cli() {
  }

  /**
   * One finished run.
   *
   * @param exitCode its exit status
   * @param stdout what it printed
   * @param stderr what it printed on stderr
   */
  public record Result(int exitCode, String stdout, String stderr) {

    /** Fails unless the command exited with 0; returns this. */
    public Result assertSucceeded() {
      if (exitCode != 0) {
        throw new AssertionError("exit code " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr);
      }
      return this;
    }
  }

  /** Runs {@code command} with {@code environment} added, stdin from {@code input} (null: /dev/null). */
  public static Result run(List<String> command, Map<String, String> environment, Path input, Duration timeout)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("cli");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectInput(input == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
            : ProcessBuilder.Redirect.from(input.toFile()))
        .redirectOutput(dir.resolve("out").toFile())
        .redirectError(dir.resolve("err").toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      throw new AssertionError(String.join(" ", command) + " did not end within " + timeout + "; printed: "
          + Files.readString(dir.resolve("out")) + Files.readString(dir.resolve("err")));
    }
    Result result = new Result(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    Files.delete(dir.resolve("out"));
    Files.delete(dir.resolve("err"));
    Files.delete(dir);
    return result;
  }

  /** {@code command} as one shell word list for {@code sh -c}, each argument single-quoted. */
  public static String shellQuoted(List<String> command) {
    List<String> quoted = new ArrayList<>();
    for (String arg : command) {
      quoted.add("'" + arg.replace("'", "'\\''") + "'");
    }
    return String.join(" ", quoted);
  }
}
