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
 * @param host {@code ps}, {@code images}, {@code pull}: the gateway's address ({@code --host}, else
 *     {@code BERTH_HOST}, else {@code http://127.0.0.1:8080})
 * @param all {@code ps} only: stopped containers too
 * @param operands what follows the command besides options ({@code pull}'s image reference)
 */
public record Arguments(String command, Path dataDir, boolean foreground, OptionalInt port, String host, boolean all,
    List<String> operands) {

  /** The gateway of a local stack. */
  public static final String DEFAULT_HOST = "http://127.0.0.1:8080";

  /** The commands a user types; {@code supervise} and {@code postgres} are started by {@code up} itself. */
  static final List<String> COMMANDS = List.of("up", "down", "status", "ps", "images", "pull", "help", "supervise",
      "postgres");

  public static final String USAGE = """
      Usage: berth COMMAND [OPTIONS]

      Commands:
        up       check the host, start PostgreSQL and every service, seed busybox and httpd, return once healthy
        down     stop every service, then PostgreSQL, then the supervisor (containers keep running)
        status   each service's health and pid; exit status 0 only if all are up
        ps       the running containers (-a: all of them)
        images   the images in the image store
        pull REF pull an image from its registry into the image store

      Options:
        --data-dir DIR   where the stack keeps its data and logs (default ~/.berth)
        --foreground     up: supervise in the foreground; Ctrl-C stops everything
        --host URL       ps, images, pull: the gateway (default $BERTH_HOST, else http://127.0.0.1:8080)
      """;

  /** Parses {@code args}; {@code home} is the user's home directory, under which the default data directory lies. */
  public static Arguments parse(List<String> args, Path home) {
    return parse(args, home, DEFAULT_HOST);
  }

  /** Parses {@code args}, with {@code defaultHost} the gateway unless {@code --host} names another. */
  public static Arguments parse(List<String> args, Path home, String defaultHost) {
    if (args.isEmpty()) {
      return new Arguments("help", home.resolve(".berth"), false, OptionalInt.empty(), defaultHost, false, List.of());
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
    String host = defaultHost;
    boolean all = false;
    List<String> operands = new java.util.ArrayList<>();
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
        case "--host" -> {
          host = value(args, i, arg).replaceAll("/+$", "");
          i += arg.contains("=") ? 0 : 1;
        }
        case "-a", "--all" -> {
          if (!command.equals("ps")) {
            throw new UsageException(arg + " is an option of ps only");
          }
          all = true;
        }
        case "-h", "--help" -> command = "help";
        default -> {
          if (arg.startsWith("-") || !command.equals("pull")) {
            throw new UsageException("unknown " + (arg.startsWith("-") ? "option" : "argument") + " '" + arg + "' for "
                + command);
          }
          operands.add(arg);
        }
      }
    }
    if (command.equals("pull") && operands.size() != 1) {
      throw new UsageException("pull needs one image reference, e.g. berth pull httpd");
    }
    if (command.equals("postgres") && port.isEmpty()) {
      throw new UsageException("postgres needs --port");
    }
    return new Arguments(command, dataDir.toAbsolutePath().normalize(), foreground, port, host, all,
        List.copyOf(operands));
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
