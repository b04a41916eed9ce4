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
 * The runtime state directory ({@code berth.node.runtime.state-dir}): the OCI runtime's state and
 * binary, the containers' bundles (their {@code config.json}, {@code /etc} files, root filesystem
 * mount points, conmon's PID files and FIFOs), conmon's attach sockets and the network attachments.
 * It lives on tmpfs, as {@code /run} does on most hosts: none of it may outlive a reboot (no
 * container does either), and its many small files, created and deleted with every container,
 * never reach a disk. Where the directory
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

  /**
   * The runtime's binary as it is run: the file {@code binary} bind-mounted read-only at
   * {@code bin/<name>}. runc and crun keep a container from overwriting the host's binary through
   * {@code /proc/self/exe} (CVE-2019-5736) by re-executing themselves from a sealed or read-only
   * copy on every call (crun: a bind mount, remount and unmount, then all of its dynamic linking
   * again, ~1.2 ms of CPU per call); run from a read-only file system with
   * {@link OciRuntime#environment()} set, they know the copy is there and skip it. A mount left by an
   * earlier agent is kept when it still shows {@code binary}, replaced when the binary changed since.
   */
  Path runtimeBinary(String name, Path binary) throws IOException {
    Path mounted = Files.createDirectories(root.resolve("bin")).resolve(name);
    Path source = binary.toRealPath();
    if (Files.exists(mounted)) {
      if (Files.getFileStore(mounted).isReadOnly() && Files.isSameFile(mounted, source)) {
        return mounted;
      }
      Syscalls.unmountIfMounted(mounted, Syscalls.MNT_DETACH);
    } else {
      Files.createFile(mounted);
    }
    Syscalls.mount(source.toString(), mounted, "", Syscalls.MS_BIND, null);
    Syscalls.mount("", mounted, "", Syscalls.MS_REMOUNT | Syscalls.MS_BIND | Syscalls.MS_RDONLY, null);
    return mounted;
  }

  /** The root of the OCI runtime's state ({@code --root}), one per runtime. */
  Path runtimeRoot(String runtime) throws IOException {
    return Files.createDirectories(root.resolve(runtime));
  }

  /** conmon's socket directory: links to the containers' attach sockets. */
  Path sockets() throws IOException {
    return Files.createDirectories(root.resolve("sockets"));
  }

  /** Where conmon writes the containers' exit codes, which mean nothing after a reboot either. */
  public Path exits() throws IOException {
    return Files.createDirectories(root.resolve("exits"));
  }

  /** The containers' network attachments, which live as long as their network namespaces. */
  public Path networks() throws IOException {
    return Files.createDirectories(root.resolve("networks"));
  }

  /** The directory holding one OCI bundle directory per container. */
  public Path bundles() throws IOException {
    return Files.createDirectories(root.resolve("bundles"));
  }
}
