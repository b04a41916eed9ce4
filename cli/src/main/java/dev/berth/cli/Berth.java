package dev.berth.cli;

import dev.berth.cli.client.ApiCommands;
import dev.berth.cli.client.BerthApi;
import dev.berth.cli.command.Cli;
import dev.berth.cli.command.Down;
import dev.berth.cli.command.Status;
import dev.berth.cli.command.Supervise;
import dev.berth.cli.command.Up;
import dev.berth.cli.postgres.PostgresServer;
import dev.berth.cli.stack.StackLayout;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The {@code berth} command. The repository root that holds the service jars comes from
 * {@code -Dberth.home} (the {@code ./berth} launcher sets it), else from where this jar lies
 * ({@code <root>/cli/target/berth.jar}).
 */
public final class Berth {

  private Berth() {
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  static int run(String[] args) throws Exception {
    Arguments arguments;
    try {
      String host = System.getenv().getOrDefault("BERTH_HOST", Arguments.DEFAULT_HOST);
      arguments = Arguments.parse(Arrays.asList(args), Path.of(System.getProperty("user.home")), host);
    } catch (Arguments.UsageException e) {
      System.err.println("berth: " + e.getMessage());
      System.err.println();
      System.err.print(Arguments.USAGE);
      return 2;
    }
    Path jar = ownJar();
    Path home = Path.of(System.getProperty("berth.home", jar.getParent().getParent().getParent().toString()))
        .toAbsolutePath().normalize();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Cli cli = new Cli(home, java, jar, System.out, System.err);
    StackLayout layout = new StackLayout(arguments.dataDir());
    return switch (arguments.command()) {
      case "up" -> Up.run(cli, layout, arguments.foreground());
      case "down" -> Down.run(cli, layout);
      case "status" -> Status.run(cli, layout);
      case "ps" -> ApiCommands.ps(new BerthApi(arguments.host()), arguments.all(), System.out, System.err);
      case "images" -> ApiCommands.images(new BerthApi(arguments.host()), System.out, System.err);
      case "pull" -> ApiCommands.pull(new BerthApi(arguments.host()), arguments.operands().getFirst(), System.out,
          System.err);
      case "supervise" -> Supervise.run(cli, layout, () -> { });
      case "postgres" -> PostgresServer.run(layout.postgresData(), arguments.port().orElseThrow(), System.out);
      default -> {
        System.out.print(Arguments.USAGE);
        yield 0;
      }
    };
  }

  private static Path ownJar() throws URISyntaxException {
    return Path.of(Berth.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
  }
}
