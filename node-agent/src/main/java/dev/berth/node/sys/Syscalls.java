package dev.berth.node.sys;

import java.io.IOException;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * Linux system calls Java NIO does not offer. Each failure becomes an {@link IOException} naming
 * the call, its path and the errno text.
 */
public final class Syscalls {

  /** {@code MS_RDONLY}: mount read-only. */
  public static final long MS_RDONLY = 1;
  /** {@code MS_NOSUID}. */
  public static final long MS_NOSUID = 2;
  /** {@code MS_NODEV}. */
  public static final long MS_NODEV = 4;
  /** {@code MS_REMOUNT}. */
  public static final long MS_REMOUNT = 32;
  /** {@code MS_BIND}. */
  public static final long MS_BIND = 4096;
  /** {@code MS_REC}. */
  public static final long MS_REC = 16384;
  /** {@code MNT_DETACH}: lazy unmount. */
  public static final int MNT_DETACH = 2;

  private static final POSIX POSIX = POSIXFactory.getNativePOSIX();
  private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
  private static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

  private Syscalls() {
  }

  /** The jnr-posix binding, for mknod, lchown, lutimes, kill and friends. */
  public static POSIX posix() {
    return POSIX;
  }

  /** mount(2). */
  public static void mount(String source, Path target, String type, long flags, String data) throws IOException {
    if (LIBC.mount(source, target.toString(), type, flags, data) != 0) {
      throw failure("mount " + type + " on " + target);
    }
  }

  /** umount2(2). */
  public static void unmount(Path target, int flags) throws IOException {
    if (LIBC.umount2(target.toString(), flags) != 0) {
      throw failure("umount " + target);
    }
  }

  /** The errno of the last failed call on this thread. */
  public static int errno() {
    return RUNTIME.getLastError();
  }

  /** An exception for the call that just failed, with its errno text. */
  public static IOException failure(String call) {
    int errno = errno();
    return new IOException(call + ": " + POSIX.strerror(errno) + " (errno " + errno + ")");
  }

  /** The libc functions jnr-posix does not bind. */
  public interface LibC {
    int mount(String source, String target, String type, long flags, String data);

    int umount2(String target, int flags);
  }
}
