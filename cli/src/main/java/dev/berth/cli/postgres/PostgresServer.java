package dev.berth.cli.postgres;

import dev.berth.cli.stack.Processes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs PostgreSQL with its data in {@code dir} (created on the first run, kept after) on
 * {@code 127.0.0.1:port} until SIGTERM, then shuts it down. The server runs as a process of its
 * own, so if this wrapper is killed it lives on: the next start stops that orphan first.
 */
public final class PostgresServer {

  private PostgresServer() {
  }

  /**
   * Stops a server with SIGINT, PostgreSQL's fast shutdown, which ends the sessions the services
   * still hold (SIGTERM's smart shutdown would wait for them); SIGKILL to it and its backends when
   * it does not end within 30 seconds.
   */
  private static void stop(ProcessHandle postmaster) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start().waitFor();
    if (!Processes.awaitExit(postmaster, Duration.ofSeconds(30))) {
      postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
      postmaster.destroyForcibly();
      Processes.awaitExit(postmaster, Duration.ofSeconds(10));
    }
  }

  public static int run(Path dir, int port, PrintStream out) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Optional<ProcessHandle> orphan = Processes.postmaster(dir);
    if (orphan.isPresent()) {
      out.println("Stopping the PostgreSQL server (pid " + orphan.get().pid() + ") a killed run left on " + dir);
      stop(orphan.get());
    }
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("max_connections", "300")
        .setRegisterShutdownHook(false)
        .setPGStartupWait(Duration.ofMinutes(2))
        .start();
    out.println("PostgreSQL listens on 127.0.0.1:" + port + " with its data in " + dir);
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
        out.println("PostgreSQL stopped");
      } catch (IOException e) {
        out.println("PostgreSQL did not stop cleanly: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "postgres-shutdown"));
    stopped.await();
    return 0;
  }
}
