package dev.berth.cli.stack;

import java.nio.file.Path;

/**
 * The data directory of a stack: {@code logs/<service>.log}, {@code <service>/} (each service's
 * {@code BERTH_DATA_DIR}), {@code postgres/} (the shared embedded PostgreSQL), {@code aot/} (the
 * services' {@link AotCache}s), {@code berth.pid} (the supervisor) and {@code berth.state} (every
 * process it runs).
 */
public record StackLayout(Path dataDir) {

  public Path logs() {
    return dataDir.resolve("logs");
  }

  public Path log(String name) {
    return logs().resolve(name + ".log");
  }

  public Path serviceData(String name) {
    return dataDir.resolve(name);
  }

  /** The services' {@link AotCache}s. */
  public Path aotCaches() {
    return dataDir.resolve("aot");
  }

  public Path postgresData() {
    return dataDir.resolve("postgres");
  }

  public Path pidFile() {
    return dataDir.resolve("berth.pid");
  }

  public Path stateFile() {
    return dataDir.resolve("berth.state");
  }
}
