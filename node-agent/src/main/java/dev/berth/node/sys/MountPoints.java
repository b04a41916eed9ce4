package dev.berth.node.sys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;
import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.Out;

/**
 * Whether a path is the root of a mount, from one {@code statx(2)} call: the kernel (5.8 and later)
 * sets {@code STATX_ATTR_MOUNT_ROOT} on it. Reading {@code /proc/self/mountinfo} instead costs time
 * proportional to the number of mounts — each container adds an overlay and a network namespace —
 * so with many containers starting at once it grows quadratically.
 */
public final class MountPoints {

  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;
  /** {@code STATX_TYPE}: the least the call may ask for; the attributes come with every call. */
  private static final int STATX_TYPE = 0x1;
  private static final long STATX_ATTR_MOUNT_ROOT = 0x2000;
  private static final int STATX_SIZE = 256;
  private static final int ATTRIBUTES = 8;
  private static final int ATTRIBUTES_MASK = 56;
  private static final int ENOENT = 2;
  private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");

  private MountPoints() {
  }

  /**
   * Whether {@code path} is a mount point (symbolic links are not followed); empty when the kernel
   * does not report it (before 5.8), false when the path does not exist.
   */
  public static Optional<Boolean> isMountRoot(Path path) throws IOException {
    byte[] buffer = new byte[STATX_SIZE];
    if (LIBC.statx(AT_FDCWD, path.toAbsolutePath().toString(), AT_SYMLINK_NOFOLLOW, STATX_TYPE, buffer) != 0) {
      if (Syscalls.errno() == ENOENT) {
        return Optional.of(false);
      }
      throw Syscalls.failure("statx " + path);
    }
    ByteBuffer statx = ByteBuffer.wrap(buffer).order(ByteOrder.nativeOrder());
    if ((statx.getLong(ATTRIBUTES_MASK) & STATX_ATTR_MOUNT_ROOT) == 0) {
      return Optional.empty();
    }
    return Optional.of((statx.getLong(ATTRIBUTES) & STATX_ATTR_MOUNT_ROOT) != 0);
  }

  /** statx(2), which jnr-posix does not bind. */
  public interface LibC {
    int statx(int dirfd, String path, int flags, int mask, @Out byte[] buffer);
  }
}
