package dev.berth.cli.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built {@code berth.jar} run as a user runs it: {@code java -jar berth.jar ... --data-dir DIR},
 * with the repository root as {@code berth.home} and extra environment variables (the node agent's
 * network settings) that the supervisor passes on to the services.
 */
final class BerthCommand {

  /** What a run printed (standard output and error together) and its exit status. */
  record Result(int status, String output) {
  }

  private final Path dataDir;
  private final Map<String, String> environment;

  BerthCommand(Path dataDir, Map<String, String> environment) {
    this.dataDir = dataDir;
    this.environment = Map.copyOf(environment);
  }

  Result run(String command) throws IOException, InterruptedException {
    return run(command, List.of("--data-dir", dataDir.toString()));
  }

  /** {@code berth COMMAND ARGUMENTS...}, without a data directory (the API commands take none). */
  Result run(String command, List<String> arguments) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("berth.cli.jar", "target/berth.jar")).toAbsolutePath();
    Path home = Path.of(System.getProperty("berth.home", "..")).toAbsolutePath().normalize();
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dberth.home=" + home, "-jar", jar.toString(), command));
    line.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    Thread reader = Thread.ofVirtual().start(() -> {
      try {
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (output) {
          output.append(text);
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("berth " + command + " did not finish within 15 minutes");
    }
    reader.join();
    String text;
    synchronized (output) {
      text = output.toString();
    }
    System.out.println("$ berth " + command + "  (exit " + process.exitValue() + ")\n" + text);
    return new Result(process.exitValue(), text);
  }
}
