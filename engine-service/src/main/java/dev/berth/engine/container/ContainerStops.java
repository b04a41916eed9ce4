package dev.berth.engine.container;

import dev.berth.node.api.WaitResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Docker's {@code stop} with a signal of the caller's choosing ({@code docker stop -s}): the signal,
 * then up to the timeout for the container to exit, then SIGKILL. Without a signal the node stops
 * the container with its own stop signal.
 */
@Component
public class ContainerStops {

  private static final int DEFAULT_TIMEOUT = 10;

  private final Containers containers;
  private final ContainerIo io;

  ContainerStops(Containers containers, ContainerIo io) {
    this.containers = containers;
    this.io = io;
  }

  /** Stops the container; 304 (not modified) when it is not running. */
  public ContainerEntity stop(String reference, Integer timeout, String signal) throws InterruptedException {
    if (signal == null || signal.isBlank()) {
      return containers.stop(reference, timeout);
    }
    ContainerEntity container = containers.get(reference);
    try {
      containers.kill(container.id(), signal);
    } catch (EngineException.Conflict notRunning) {
      throw new EngineException.NotModified(notRunning.getMessage());
    }
    CompletableFuture<WaitResult> exit = CompletableFuture.supplyAsync(() -> {
      try {
        return io.await(container, "not-running");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + container.id(), e);
      }
    }, Thread::startVirtualThread);
    int seconds = timeout != null ? timeout
        : container.spec().stopTimeout() != null ? container.spec().stopTimeout() : DEFAULT_TIMEOUT;
    try {
      if (seconds < 0) {
        exit.get();
      } else {
        exit.get(seconds, TimeUnit.SECONDS);
      }
    } catch (TimeoutException e) {
      killQuietly(container);
      join(exit);
    } catch (ExecutionException e) {
      throw new EngineException.Failed("waiting for " + container.id() + " to stop failed: " + e.getCause(), false,
          e.getCause());
    }
    containers.refresh(container.node(), container.id());
    return containers.get(container.id());
  }

  private void killQuietly(ContainerEntity container) {
    try {
      containers.kill(container.id(), "SIGKILL");
    } catch (EngineException.Conflict exitedMeanwhile) {
      // it exited between the timeout and the kill: nothing left to do
    }
  }

  private static void join(CompletableFuture<WaitResult> exit) throws InterruptedException {
    try {
      exit.get();
    } catch (ExecutionException e) {
      throw new EngineException.Failed("waiting for a killed container failed: " + e.getCause(), false, e.getCause());
    }
  }
}
