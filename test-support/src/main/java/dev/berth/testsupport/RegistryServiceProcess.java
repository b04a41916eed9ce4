package dev.berth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Berth's registry-service started from its jar ({@link ServiceJar#REGISTRY_SERVICE}) as a real
 * peer registry, with an embedded PostgreSQL and its blobs under a fresh data directory.
 */
public final class RegistryServiceProcess implements RegistryPeer, AutoCloseable {

  private final ServiceProcess process;

  private RegistryServiceProcess(ServiceProcess process) {
    this.process = process;
  }

  /** Starts registry-service, its log and data directory named for {@code name}, and waits until {@code /v2/} answers. */
  public static RegistryServiceProcess start(String name) {
    ServiceProcess process = ServiceProcess.of(ServiceJar.REGISTRY_SERVICE);
    try {
      process.start(name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start registry-service", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting registry-service", e);
    }
    return new RegistryServiceProcess(process);
  }

  @Override
  public String address() {
    return process.address();
  }

  /** Where registry-service's content store keeps blob {@code digest}: {@code blobs/sha256/<2 hex>/<hex>}. */
  @Override
  public Path blobFile(String digest) {
    String hex = digest.substring("sha256:".length());
    return process.dataDir().resolve("blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex);
  }

  @Override
  public String toString() {
    return "registry-service";
  }

  @Override
  public void close() {
    try {
      process.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop registry-service", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
