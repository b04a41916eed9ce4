package dev.berth.node.snapshot;

import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Mounts a snapshot's {@link Mount}s on a target directory and unmounts them again. */
public final class Mounts {

  /**
   * The longest mount data the kernel accepts: one page. Overlay lowerdir lists beyond it fail,
   * which is why snapshot directories have short numeric names.
   */
  public static final int MAX_DATA_LENGTH = 4095;

  private Mounts() {
  }

  /** Mounts {@code mounts} on {@code target}, in order. */
  public static void mountAll(List<Mount> mounts, Path target) throws IOException {
    for (Mount mount : mounts) {
      mount(mount, target);
    }
  }

  /** Unmounts what {@link #mountAll} mounted on {@code target}, the topmost first. */
  public static void unmountAll(List<Mount> mounts, Path target) throws IOException {
    for (int i = 0; i < mounts.size(); i++) {
      Syscalls.unmount(target, 0);
    }
  }

  private static void mount(Mount mount, Path target) throws IOException {
    long flags = 0;
    List<String> data = new ArrayList<>();
    for (String option : mount.options()) {
      switch (option) {
        case "ro" -> flags |= Syscalls.MS_RDONLY;
        case "rw" -> { }
        case "nosuid" -> flags |= Syscalls.MS_NOSUID;
        case "nodev" -> flags |= Syscalls.MS_NODEV;
        case "bind" -> flags |= Syscalls.MS_BIND;
        case "rbind" -> flags |= Syscalls.MS_BIND | Syscalls.MS_REC;
        default -> data.add(option);
      }
    }
    if (mount.type().equals(Mount.BIND)) {
      flags |= Syscalls.MS_BIND;
    }
    String joined = data.isEmpty() ? null : String.join(",", data);
    if (joined != null && joined.length() > MAX_DATA_LENGTH) {
      throw new IOException("mount " + mount.type() + " on " + target + ": options exceed one page ("
          + joined.length() + " bytes)");
    }
    if ((flags & Syscalls.MS_BIND) != 0) {
      Syscalls.mount(mount.source(), target, null, flags & (Syscalls.MS_BIND | Syscalls.MS_REC), joined);
      long remount = flags & (Syscalls.MS_RDONLY | Syscalls.MS_NOSUID | Syscalls.MS_NODEV);
      if (remount != 0) {
        Syscalls.mount(null, target, null, Syscalls.MS_BIND | Syscalls.MS_REMOUNT | remount, null);
      }
    } else {
      Syscalls.mount(mount.source(), target, mount.type(), flags, joined);
    }
  }
}
