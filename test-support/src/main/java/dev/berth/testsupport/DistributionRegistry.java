package dev.berth.testsupport;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * CNCF distribution ({@code docker-registry}, Debian's package) on a free loopback port with its
 * storage in a temporary directory, as a real peer registry. {@code extraConfig} adds YAML under
 * the top level (an {@code auth:} section, say). Its {@link #log()} includes the access log, one
 * line per request.
 */
public final class DistributionRegistry implements RegistryPeer, AutoCloseable {

  private final Path dir;
  private final int port;
  private final Process process;

  private DistributionRegistry(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /** Whether the {@code docker-registry} binary is installed. */
  public static boolean installed() {
    return Commands.available("docker-registry");
  }

  public static DistributionRegistry start() {
    return start("");
  }

  public static DistributionRegistry start(String extraConfig) {
    try {
      Path dir = Files.createTempDirectory("berth-distribution");
      int port = freePort();
      Files.writeString(dir.resolve("config.yml"), """
          version: 0.1
          log:
            level: warn
            accesslog:
              disabled: false
          storage:
            filesystem:
              rootdirectory: %s
            delete:
              enabled: true
          http:
            addr: 127.0.0.1:%d
          %s
          """.formatted(dir.resolve("data"), port, extraConfig));
      Process process = new ProcessBuilder("docker-registry", "serve", dir.resolve("config.yml").toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
      DistributionRegistry registry = new DistributionRegistry(dir, port, process);
      registry.awaitReady();
      return registry;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start docker-registry", e);
    }
  }

  @Override
  public String address() {
    return "127.0.0.1:" + port;
  }

  /** Where distribution's filesystem driver keeps blob {@code digest}. */
  @Override
  public Path blobFile(String digest) {
    String hex = digest.substring("sha256:".length());
    return dir.resolve("data/docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex)
        .resolve("data");
  }

  @Override
  public String toString() {
    return "distribution";
  }

  /** The registry's output: warnings, errors and the access log. */
  public Path log() {
    return dir.resolve("log");
  }

  private void awaitReady() throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited: " + Files.readString(log()));
      }
      try {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://" + address() + "/v2/").toURL().openConnection();
        connection.setConnectTimeout(500);
        int status = connection.getResponseCode();
        connection.disconnect();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("docker-registry did not answer on " + address());
  }

  /** A port nothing listens on right now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
