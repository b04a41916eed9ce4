package dev.berth.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * What the command line asks for: the command and its options.
 *
 * @param command {@code up}, {@code down}, {@code status}, {@code help}, or the internal {@code supervise} and
 *     {@code postgres} that {@code up} starts
 * @param dataDir where the stack keeps everything: logs, each service's data, PostgreSQL
 * @param foreground {@code up} only: supervise in this process instead of a detached one
 * @param port {@code postgres} only: the port to listen on
 */
public record Arguments(String command, Path dataDir, boolean foreground, OptionalInt port) {

  /** The commands a user types; {@code supervise} and {@code postgres} are started by {@code up} itself. */
  static final List<String> COMMANDS = List.of("up", "down", "status", "help", "supervise", "postgres");

  public static final String USAGE = """
      Usage: berth COMMAND [OPTIONS]

      Commands:
        up       check the host, start PostgreSQL and every service, seed busybox and httpd, return once healthy
        down     stop every service, then PostgreSQL, then the supervisor (containers keep running)
        status   each service's health and pid; exit status 0 only if all are up

      Options:
        --data-dir DIR   where the stack keeps its data and logs (default ~/.berth)
        --foreground     up: supervise in the foreground; Ctrl-C stops everything
      """;

  /** Parses {@code args}; {@code home} is the user's home directory, under which the default data directory lies. */
  public static Arguments parse(List<String> args, Path home) {
    if (args.isEmpty()) {
      return new Arguments("help", home.resolve(".berth"), false, OptionalInt.empty());
    }
    String command = args.getFirst();
    if (command.equals("-h") || command.equals("--help")) {
      command = "help";
    }
    if (!COMMANDS.contains(command)) {
      throw new UsageException("unknown command '" + command + "'");
    }
    Path dataDir = home.resolve(".berth");
    boolean foreground = false;
    OptionalInt port = OptionalInt.empty();
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      switch (name) {
        case "--data-dir" -> {
          String value = value(args, i, arg);
          i += arg.contains("=") ? 0 : 1;
          dataDir = Path.of(value);
        }
        case "--port" -> {
          String value = value(args, i, arg);
          i += arg.contains("=") ? 0 : 1;
          port = OptionalInt.of(parsePort(value));
        }
        case "--foreground" -> {
          if (!command.equals("up")) {
            throw new UsageException("--foreground is an option of up only");
          }
          foreground = true;
        }
        case "-h", "--help" -> command = "help";
        default -> throw new UsageException("unknown option '" + arg + "' for " + command);
      }
    }
    if (command.equals("postgres") && port.isEmpty()) {
      throw new UsageException("postgres needs --port");
    }
    return new Arguments(command, dataDir.toAbsolutePath().normalize(), foreground, port);
  }

  private static String value(List<String> args, int i, String arg) {
    if (arg.contains("=")) {
      return arg.substring(arg.indexOf('=') + 1);
    }
    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
      throw new UsageException(arg + " needs a value");
    }
    return args.get(i + 1);
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("not a port: '" + value + "'");
  }

  /** A command line that cannot be run: the message says why, the usage follows it. */
  public static final class UsageException extends RuntimeException {

    public UsageException(String message) {
      super(message);
    }
  }
}
