package dev.berth.node.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A minimal root filesystem for tests: the host's static busybox, its applets, root and a user {@code app}. */
final class BusyboxRootfs {

  private static final List<String> APPLETS = List.of("sh", "cat", "id", "ls", "ps", "echo", "sleep", "mount",
      "hostname", "pwd", "env", "insmod", "modprobe", "grep", "touch", "ulimit", "head", "wc", "true", "mkdir", "seq",
      "readlink", "kill");

  private BusyboxRootfs() {
  }

  /** Creates {@code root} with {@code /etc/passwd}, {@code /etc/group} and, when the host has busybox, {@code /bin}. */
  static Path create(Path root) throws IOException {
    Files.createDirectories(root.resolve("etc"));
    for (String dir : List.of("proc", "sys", "dev", "tmp", "mnt", "bin", "home/app")) {
      Files.createDirectories(root.resolve(dir));
    }
    Files.writeString(root.resolve("etc/passwd"), """
        root:x:0:0:root:/root:/bin/sh
        app:x:1000:1000:App:/home/app:/bin/sh
        nobody:x:65534:65534:nobody:/nonexistent:/bin/false
        """);
    Files.writeString(root.resolve("etc/group"), """
        root:x:0:
        tty:x:5:
        app:x:1000:
        staff:x:50:app,other
        audio:x:29:app
        """);
    Path busybox = Path.of("/bin/busybox");
    if (Files.exists(busybox)) {
      Files.copy(busybox, root.resolve("bin/busybox"));
      for (String applet : APPLETS) {
        Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
      }
    }
    return root;
  }
}
