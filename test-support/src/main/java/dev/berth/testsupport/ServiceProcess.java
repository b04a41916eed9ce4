package dev.berth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A service started from its jar as a real process: {@code java -jar} with the running JDK, a free
 * loopback port and a fresh data directory (so an embedded PostgreSQL of its own), plus any JVM
 * options and arguments the suite adds. Ready once its readiness path answers 200; stopped with
 * SIGTERM. Its output goes to {@code <berth.services.dir>/<name>-<module>.log} (default
 * {@code target/services}), whose last lines are printed when it fails to start.
 *
 * <p>For one test class, register it with {@code @RegisterExtension} (named for the class); give
 * several an {@code @Order}, so one's address can be another's argument. For a whole test JVM,
 * {@link #start(String)} it once and {@link #stop()} it from a shutdown hook.
 */
public final class ServiceProcess implements BeforeAllCallback, AfterAllCallback {

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
  private static final int LOG_TAIL_LINES = 80;

  private final ServiceJar service;
  private final List<String> jvmOptions;
  private final Supplier<List<String>> arguments;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();
  private Process process;
  private int port;
  private Path dataDir;
  private Path log;

  private ServiceProcess(ServiceJar service, List<String> jvmOptions, Supplier<List<String>> arguments) {
    this.service = service;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.arguments = arguments;
  }

  /** The service's jar run with the JVM's defaults and no arguments beyond port and data directory. */
  public static ServiceProcess of(ServiceJar service) {
    return new ServiceProcess(service, List.of(), List::of);
  }

  /** The same service run with extra JVM options, e.g. {@code -Xmx256m}. */
  public ServiceProcess withJvmOptions(String... options) {
    return new ServiceProcess(service, List.of(options), arguments);
  }

  /**
   * The same service run with extra arguments, e.g. {@code --berth.image.default-registry=...};
   * asked for only when the process starts, so they may name services started before it.
   */
  public ServiceProcess withArguments(Supplier<List<String>> extra) {
    return new ServiceProcess(service, jvmOptions, extra);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
    start(context.getRequiredTestClass().getSimpleName());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
    stop();
  }

  /** Starts the service, its log and data directory named {@code <name>-<module>}, and waits until it answers. */
  public void start(String name) throws IOException, InterruptedException {
    Path work = Files.createDirectories(Path.of(System.getProperty("berth.services.dir", "target/services")));
    String prefix = name + "-" + service.module();
    log = work.resolve(prefix + ".log");
    Files.deleteIfExists(log);
    dataDir = Files.createTempDirectory(work, prefix + "-data-");
    port();
    launch();
  }

  /**
   * Kills the service with SIGKILL, as a crash would, leaving its data directory and whatever it
   * started behind; {@link #restart()} starts it again on the same port and data.
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Starts the service again after {@link #kill()}, on the same port and data directory. */
  public void restart() throws IOException, InterruptedException {
    launch();
  }

  private void launch() throws IOException, InterruptedException {
    Path jar = service.jar();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(),
        "--server.address=127.0.0.1", "--server.port=" + port, "--berth.data-dir=" + dataDir));
    command.addAll(arguments.get());
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    awaitReady();
  }

  /** Stops the service, if it started, and deletes its data directory. */
  public void stop() throws IOException, InterruptedException {
    if (process != null) {
      terminate();
    }
    if (dataDir != null) {
      deleteRecursively(dataDir);
    }
  }

  /**
   * {@code 127.0.0.1:<port>}, as registry references write it. Known before the service starts (its
   * port is chosen then), so that services can be told each other's address.
   */
  public String address() {
    return "127.0.0.1:" + port();
  }

  private synchronized int port() {
    if (port == 0) {
      try {
        port = freeLoopbackPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return port;
  }

  /** An absolute URI of a path on this service, e.g. {@code uri("/v2/")}. */
  public URI uri(String path) {
    return URI.create("http://" + address() + path);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Whether the readiness path answers 200 right now. */
  public boolean answers() throws InterruptedException {
    try {
      HttpRequest request = HttpRequest.newBuilder(uri(service.readinessPath()))
          .timeout(Duration.ofSeconds(5))
          .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** The service's data directory ({@code --berth.data-dir}). */
  public Path dataDir() {
    return dataDir;
  }

  /** Everything the process has written so far. */
  public String log() throws IOException {
    return Files.readString(log);
  }

  private void awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (!answers()) {
      if (!process.isAlive()) {
        throw startupFailure("exited with status " + process.exitValue() + " before answering");
      }
      if (Instant.now().isAfter(deadline)) {
        terminate();
        throw startupFailure("did not answer GET " + service.readinessPath() + " within " + STARTUP_TIMEOUT);
      }
      Thread.sleep(200);
    }
  }

  private IllegalStateException startupFailure(String reason) throws IOException {
    List<String> lines = Files.readAllLines(log);
    String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    String message = "%s on %s %s; last lines of %s:%n%s"
        .formatted(service.module(), address(), reason, log.toAbsolutePath(), tail);
    System.err.println(message);
    return new IllegalStateException(message);
  }

  /**
   * SIGTERM, so the service stops its embedded PostgreSQL itself; if it does not exit in time,
   * SIGKILL and then SIGTERM to the PostgreSQL server it leaves behind.
   */
  private void terminate() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      Path postmasterPid = dataDir.resolve("postgres").resolve("postmaster.pid");
      if (Files.exists(postmasterPid)) {
        long pid = Long.parseLong(Files.readAllLines(postmasterPid).getFirst().strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
      }
    }
  }

  /**
   * A free loopback port below Linux's ephemeral range (32768 and up), so that the outgoing
   * connections of other processes cannot take it between now and the service's start.
   */
  private static int freeLoopbackPort() throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free loopback port between 20000 and 32000");
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
