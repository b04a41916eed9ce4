package dev.berth.node.attach;

import dev.berth.node.runtime.ConmonAttach;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One client attached to a container's stdio: it receives the output as Docker's multiplexed frames
 * (or raw from a terminal) and its input, when it attached stdin, goes to the process's stdin, the
 * end of it ending stdin. The attachment ends when the process exits.
 */
public final class Attachment {

  private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

  private final String containerId;
  private final boolean tty;
  private final Attachments.Streams streams;
  private final Attachments attachments;
  private final CompletableFuture<ConmonAttach> connection = new CompletableFuture<>();

  Attachment(String containerId, boolean tty, Attachments.Streams streams, Attachments attachments) {
    this.containerId = containerId;
    this.tty = tty;
    this.streams = streams;
    this.attachments = attachments;
  }

  /** Whether the process has a terminal, so that its output is raw rather than framed. */
  public boolean tty() {
    return tty;
  }

  void connected(ConmonAttach conmon) {
    if (!connection.complete(conmon)) {
      conmon.close();
    }
  }

  void failed(IOException e) {
    connection.completeExceptionally(e);
  }

  /**
   * Waits for the container's run (as long as the container exists), then copies its output to
   * {@code out} until it exits, and {@code in} to its stdin if the client attached stdin.
   */
  public void run(InputStream in, OutputStream out) throws IOException, InterruptedException {
    ConmonAttach conmon = awaitRun();
    if (conmon == null) {
      return;
    }
    StreamFrames frames = new StreamFrames(out);
    conmon.pump(streams.stdin() ? in : null, (pipe, buffer, offset, length) -> {
      boolean stderr = pipe == ConmonAttach.STDERR;
      if (stderr ? !streams.stderr() : !streams.stdout()) {
        return;
      }
      if (tty) {
        out.write(buffer, offset, length);
        out.flush();
      } else {
        frames.write(stderr ? StreamFrames.STDERR : StreamFrames.STDOUT, buffer, offset, length);
      }
    });
  }

  private ConmonAttach awaitRun() throws IOException, InterruptedException {
    while (true) {
      try {
        return connection.get(CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (!attachments.exists(containerId)) {
          attachments.abandon(containerId, this);
          return null;
        }
      } catch (ExecutionException e) {
        throw new IOException("cannot attach to container " + containerId, e.getCause());
      }
    }
  }
}
