package dev.berth.node.sys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
  /** {@code CLONE_NEWNET}: a network namespace, for unshare and setns. */
  public static final int CLONE_NEWNET = 0x40000000;

  private static final int EINVAL = 22;
  private static final int O_RDONLY = 0;
  private static final int O_CLOEXEC = 0x80000;
  private static final int AF_INET = 2;
  private static final int SOCK_DGRAM = 2;
  private static final long SIOCGIFFLAGS = 0x8913;
  private static final long SIOCSIFFLAGS = 0x8914;
  private static final int IFF_UP = 1;
  /** {@code sizeof(struct ifreq)}: the name, then a union whose first member here is {@code short ifr_flags}. */
  private static final int IFREQ_SIZE = 40;
  private static final int IFNAMSIZ = 16;

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

  /** umount2(2), except that a target which is no mount point (EINVAL) is no failure; returns whether it was one. */
  public static boolean unmountIfMounted(Path target, int flags) throws IOException {
    if (LIBC.umount2(target.toString(), flags) == 0) {
      return true;
    }
    if (errno() == EINVAL) {
      return false;
    }
    throw failure("umount " + target);
  }

  /** open(2) read-only and close-on-exec; the caller closes the descriptor with {@link #close}. */
  public static int openReadOnly(Path path) throws IOException {
    int fd = LIBC.open(path.toString(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      throw failure("open " + path);
    }
    return fd;
  }

  /** close(2). */
  public static void close(int fd) throws IOException {
    if (LIBC.close(fd) != 0) {
      throw failure("close " + fd);
    }
  }

  /** unshare(2): moves the calling thread into new namespaces of the {@code CLONE_NEW*} kinds given. */
  public static void unshare(int flags) throws IOException {
    if (LIBC.unshare(flags) != 0) {
      throw failure("unshare " + Integer.toHexString(flags));
    }
  }

  /** setns(2): moves the calling thread into the namespace {@code fd} refers to. */
  public static void setns(int fd, int nstype) throws IOException {
    if (LIBC.setns(fd, nstype) != 0) {
      throw failure("setns " + Integer.toHexString(nstype));
    }
  }

  /** Sets the interface up in the calling thread's network namespace (SIOCGIFFLAGS, then SIOCSIFFLAGS with IFF_UP). */
  public static void linkUp(String interfaceName) throws IOException {
    byte[] name = interfaceName.getBytes(StandardCharsets.US_ASCII);
    if (name.length >= IFNAMSIZ) {
      throw new IOException("interface name too long: " + interfaceName);
    }
    int socket = LIBC.socket(AF_INET, SOCK_DGRAM, 0);
    if (socket < 0) {
      throw failure("socket for " + interfaceName);
    }
    try {
      byte[] ifreq = new byte[IFREQ_SIZE];
      System.arraycopy(name, 0, ifreq, 0, name.length);
      if (LIBC.ioctl(socket, SIOCGIFFLAGS, ifreq) != 0) {
        throw failure("SIOCGIFFLAGS " + interfaceName);
      }
      ByteBuffer flags = ByteBuffer.wrap(ifreq).order(ByteOrder.nativeOrder());
      flags.putShort(IFNAMSIZ, (short) (flags.getShort(IFNAMSIZ) | IFF_UP));
      if (LIBC.ioctl(socket, SIOCSIFFLAGS, ifreq) != 0) {
        throw failure("SIOCSIFFLAGS " + interfaceName);
      }
    } finally {
      close(socket);
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

    int open(String path, int flags);

    int close(int fd);

    int unshare(int flags);

    int setns(int fd, int nstype);

    int socket(int domain, int type, int protocol);

    int ioctl(int fd, long request, byte[] argument);
  }
}
