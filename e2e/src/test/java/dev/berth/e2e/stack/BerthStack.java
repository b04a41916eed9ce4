package dev.berth.e2e.stack;

import dev.berth.testsupport.HostNetworks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stack started with {@code ./berth up} from the repository root, once for all the suites that
 * register this extension: the first one starts it, and it is taken down after the last suite of
 * the run — its containers removed, then {@code ./berth down}, then the node's bridge deleted.
 * Its data directory is {@code berth.e2e.data-dir} (under the module's target directory), emptied
 * before the start (after stopping what a previous run may have left), so every run starts from a
 * fresh stack whose image store holds nothing yet.
 */
public final class BerthStack implements BeforeAllCallback, AutoCloseable {

  /** The gateway: the Docker Engine API, the native REST API and the registry behind one address. */
  public static final String GATEWAY = "127.0.0.1:8080";
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(10);
  private static final BerthStack SHARED = new BerthStack();

  private final Path repository = Path.of(System.getProperty("berth.repository", "..")).toAbsolutePath().normalize();
  private final Path dataDir = Path.of(System.getProperty("berth.e2e.data-dir", "target/berth-stack"))
      .toAbsolutePath();
  private Docker docker;
  private boolean up;

  private BerthStack() {
  }

  /** The one stack of this test run. */
  public static BerthStack shared() {
    return SHARED;
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
    if (up) {
      return;
    }
    berth("down").assertSucceeded();
    deleteRecursively(dataDir);
    Files.createDirectories(dataDir);
    berth("up").assertSucceeded();
    docker = new Docker("tcp://" + GATEWAY);
    up = true;
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(BerthStack.class, this);
  }

  /** Removes every container, stops the stack and deletes the node's bridge. */
  @Override
  public synchronized void close() throws IOException, InterruptedException {
    if (!up) {
      return;
    }
    up = false;
    Cli.Result all = docker.run("ps", "-aq");
    for (String id : all.stdout().lines().filter(line -> !line.isBlank()).toList()) {
      docker.run("rm", "-f", "-v", id);
    }
    berth("down").assertSucceeded();
    HostNetworks.deleteBridge("berth0");
  }

  /** Runs {@code ./berth <args> --data-dir <the stack's>} from the repository root. */
  public Cli.Result berth(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(repository.resolve("berth").toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--data-dir", dataDir.toString()));
    return Cli.run(command, Map.of(), null, UP_TIMEOUT);
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** The docker CLI pointed at the gateway. */
  public Docker docker() {
    return docker;
  }

  /** The stack's data directory (each service's data and log under it). */
  public Path dataDir() {
    return dataDir;
  }

  /** The repository the stack runs from. */
  public Path repository() {
    return repository;
  }
}
