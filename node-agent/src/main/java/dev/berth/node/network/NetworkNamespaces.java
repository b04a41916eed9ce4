package dev.berth.node.network;

import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * Persistent network namespaces, one bind-mounted file per container in a directory, as
 * {@code ip netns add} makes them: a namespace outlives its processes and the agent until it is removed.
 *
 * <p>A namespace is made in-process: a fresh platform thread (never a virtual thread, which could
 * migrate between carriers) unshares its network namespace, sets loopback up, bind-mounts
 * {@code /proc/thread-self/ns/net} onto the file and returns to the host's namespace; the thread ends
 * right after, so even a failed return leaves no thread behind in the wrong namespace.
 */
final class NetworkNamespaces {

  private static final Path THREAD_NAMESPACE = Path.of("/proc/thread-self/ns/net");

  private final Path dir;

  NetworkNamespaces(Path dir) {
    this.dir = dir;
  }

  /** The file of the namespace called {@code name}. */
  Path path(String name) {
    return dir.resolve(name);
  }

  /** Creates the namespace {@code name} with loopback up and nothing else, and returns its file. */
  Path create(String name) throws IOException {
    Files.createDirectories(dir);
    Path path = Files.createFile(path(name));
    try {
      onOwnThread(name, () -> {
        int host = Syscalls.openReadOnly(THREAD_NAMESPACE);
        try {
          Syscalls.unshare(Syscalls.CLONE_NEWNET);
          try {
            Syscalls.linkUp("lo");
            Syscalls.mount(THREAD_NAMESPACE.toString(), path, "none", Syscalls.MS_BIND, null);
          } finally {
            Syscalls.setns(host, Syscalls.CLONE_NEWNET);
          }
        } finally {
          Syscalls.close(host);
        }
        return null;
      });
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(path);
      throw e;
    }
    return path;
  }

  /** Unmounts and deletes the namespace file; nothing happens when it is gone already. */
  void remove(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    // not mounted: a file left by a creation that failed before its mount
    Syscalls.unmountIfMounted(path, Syscalls.MNT_DETACH);
    Files.deleteIfExists(path);
  }

  /** The names of all namespaces in the directory. */
  List<String> names() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).toList();
    }
  }

  private interface NamespaceWork {
    Void run() throws IOException;
  }

  private static void onOwnThread(String name, NamespaceWork work) throws IOException {
    FutureTask<Void> task = new FutureTask<>(work::run);
    Thread.ofPlatform().name("netns-" + name).start(task);
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while creating network namespace " + name);
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException runtime -> throw runtime;
        case Error error -> throw error;
        default -> throw new IOException(e.getCause());
      }
    }
  }
}
