package dev.berth.e2e.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real docker CLI (28.2) pointed at the gateway, with a configuration directory of its own and
 * API version negotiation left to the CLI, as a user's shell has it.
 */
public final class Docker {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final String host;
  private final Path config;

  Docker(String host) throws IOException {
    this.host = host;
    this.config = Files.createTempDirectory("docker-config");
  }

  /** {@code DOCKER_HOST} for the gateway, e.g. {@code tcp://127.0.0.1:8080}. */
  public String host() {
    return host;
  }

  /** Runs {@code docker <args>} with stdin from /dev/null. */
  public Cli.Result run(String... args) throws IOException, InterruptedException {
    return Cli.run(command(args), environment(), null, TIMEOUT);
  }

  /** Runs {@code docker <args>} reading stdin from {@code input}. */
  public Cli.Result runWithInput(Path input, String... args) throws IOException, InterruptedException {
    return Cli.run(command(args), environment(), input, TIMEOUT);
  }

  /**
   * Runs {@code docker <args>} on a pseudo-terminal (through util-linux's {@code script}), as
   * {@code -it} needs; what the terminal showed comes back as stdout, with the docker CLI's exit code.
   */
  public Cli.Result runOnTerminal(String... args) throws IOException, InterruptedException {
    List<String> script = List.of("script", "--quiet", "--return", "--command", Cli.shellQuoted(command(args)),
        "/dev/null");
    return Cli.run(script, environment(), null, TIMEOUT);
  }

  /** Starts {@code docker <args>} in the background, its stdout and stderr going to {@code output}. */
  public Process start(Path output, String... args) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true)
        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(environment());
    return builder.start();
  }

  private static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return command;
  }

  private Map<String, String> environment() {
    return Map.of("DOCKER_HOST", host, "DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "default");
  }
}
