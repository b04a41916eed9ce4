package dev.berth.oci.client;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real CNCF distribution registry ({@code docker-registry}, Debian's package of distribution
 * 2.8) on a free loopback port with its storage in a temporary directory, for integration tests.
 */
final class DistributionRegistry implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private DistributionRegistry(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The {@code docker-registry} binary on the PATH, if installed. */
  static Optional<Path> binary() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin");
    return Arrays.stream(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, "docker-registry"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * Starts a registry storing under {@code dir}, with {@code auth} (YAML of the {@code auth:}
   * section's body, indented by four spaces) or none when null.
   */
  static DistributionRegistry start(Path dir, String auth) throws IOException, InterruptedException {
    Path binary = binary().orElseThrow(() -> new IllegalStateException("docker-registry is not installed"));
    int port = freePort();
    Path config = dir.resolve("config.yml");
    Files.writeString(config, """
        version: 0.1
        log:
          level: info
          accesslog:
            disabled: false
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
          secret: berth-integration-test-secret
        """.formatted(dir.resolve("data"), port) + (auth == null ? "" : "auth:\n" + auth));
    Path log = dir.resolve("registry.log");
    Process process = new ProcessBuilder(binary.toString(), "serve", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    DistributionRegistry registry = new DistributionRegistry(process, port, log);
    registry.awaitReady();
    return registry;
  }

  /** {@code 127.0.0.1:<port>}, the registry part of references to it. */
  String registry() {
    return "127.0.0.1:" + port;
  }

  /** The registry's log (requests included), for assertions and failure messages. */
  String log() throws IOException {
    return Files.readString(log);
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ping = HttpRequest.newBuilder(URI.create("http://" + registry() + "/v2/"))
        .timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        http.send(ping, HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    close();
    throw new IllegalStateException("docker-registry did not answer on " + registry() + ":\n" + log());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
