package dev.berth.node.runtime;

import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime state directory ({@code berth.node.runtime.state-dir}): the OCI runtime's state, the
 * containers' bundles (their {@code config.json}, {@code /etc} files, root filesystem mount points,
 * conmon's PID files and FIFOs) and conmon's attach sockets. It lives on tmpfs, as {@code /run}
 * does on most hosts: none of it may outlive a reboot (no container does either), and its many
 * small files, created and deleted with every container, never reach a disk. Where the directory
 * is on a disk the agent mounts a tmpfs there when it first starts; an agent started again finds
 * it mounted and keeps it (and what it holds: the state of running containers). A directory on a
 * disk that already holds state (any file below it, left by an agent that did not mount) is used as
 * it is; empty directories are no state.
 */
public final class RuntimeStateDir {

  private static final Logger log = LoggerFactory.getLogger(RuntimeStateDir.class);

  private final Path root;

  private RuntimeStateDir(Path root) {
    this.root = root;
  }

  /** The directory at {@code dir}, on a tmpfs mounted there unless it is on one or holds state already. */
  public static RuntimeStateDir at(Path dir) throws IOException {
    Path root = Files.createDirectories(dir.toAbsolutePath());
    String type = Files.getFileStore(root).type();
    if (!type.equals("tmpfs")) {
      boolean stateless;
      try (Stream<Path> entries = Files.walk(root)) {
        stateless = entries.allMatch(entry -> Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS));
      }
      if (stateless) {
        Syscalls.mount("tmpfs", root, "tmpfs", Syscalls.MS_NOSUID | Syscalls.MS_NODEV, "mode=0711");
        log.info("Mounted a tmpfs at the runtime state directory {} (it was on {})", root, type);
      } else {
        log.warn("The runtime state directory {} is on {}, not tmpfs, and holds state already: used as it is", root,
            type);
      }
    }
    return new RuntimeStateDir(root);
  }

  /** The root of the OCI runtime's state ({@code --root}), one per runtime. */
  Path runtimeRoot(String runtime) throws IOException {
    return Files.createDirectories(root.resolve(runtime));
  }

  /** conmon's socket directory: links to the containers' attach sockets, the sync FIFOs. */
  Path sockets() throws IOException {
    return Files.createDirectories(root.resolve("sockets"));
  }

  /** The directory holding one OCI bundle directory per container. */
  public Path bundles() throws IOException {
    return Files.createDirectories(root.resolve("bundles"));
  }
}
