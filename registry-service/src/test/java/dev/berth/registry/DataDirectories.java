package dev.berth.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.util.FileSystemUtils;

/**
 * Data directories for registries under test: each a new directory under {@code target/}, removed
 * when the test JVM exits, once the embedded PostgreSQL running in it has stopped.
 */
public final class DataDirectories {

  private DataDirectories() {
  }

  public static Path create() {
    try {
      Path target = Files.createDirectories(Path.of("target"));
      Path dir = Files.createTempDirectory(target, "registry-it-").toAbsolutePath();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteOnceStopped(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the data directory once PostgreSQL, stopped by its own shutdown hook, has left it. */
  private static void deleteOnceStopped(Path dir) {
    Path pidFile = dir.resolve("postgres").resolve("postmaster.pid");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    try {
      while (Files.exists(pidFile) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!Files.exists(pidFile)) {
      FileSystemUtils.deleteRecursively(dir.toFile());
    }
  }
}
