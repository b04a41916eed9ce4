package dev.berth.node.sys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.posix.POSIX;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
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
  /** {@code MS_NOEXEC}. */
  public static final long MS_NOEXEC = 8;
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

  private static final long FS_IOC_GETFLAGS = 0x80086601L;
  private static final long FS_IOC_SETFLAGS = 0x40086602L;
  private static final int FS_TOPDIR_FL = 0x00020000;

  /**
   * Marks {@code dir} a top of directory hierarchies ({@code chattr +T}): ext2/3/4's Orlov allocator
   * then spreads its subdirectories, and the files in them, over the filesystem's block groups as
   * it does top-level directories, instead of packing them into the group of {@code dir}. Returns
   * whether the flag is set; a filesystem without inode flags (tmpfs, overlayfs) just does not have it.
   */
  public static boolean markTopDirectory(Path dir) throws IOException {
    int fd = openReadOnly(dir);
    try {
      ByteBuffer flags = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder());
      if (LIBC.ioctl(fd, FS_IOC_GETFLAGS, flags.array()) != 0) {
        return false;
      }
      int current = flags.getInt(0);
      if ((current & FS_TOPDIR_FL) != 0) {
        return true;
      }
      flags.putInt(0, current | FS_TOPDIR_FL);
      return LIBC.ioctl(fd, FS_IOC_SETFLAGS, flags.array()) == 0;
    } finally {
      close(fd);
    }
  }

  /** {@code S_IFCHR}: a character device, for {@link #mknod}. */
  public static final int S_IFCHR = 0020000;
  /** {@code S_IFBLK}: a block device, for {@link #mknod}. */
  public static final int S_IFBLK = 0060000;
  /** {@code S_IFIFO}: a named pipe, for {@link #mknod}. */
  public static final int S_IFIFO = 0010000;

  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;

  /** mknod(2): creates the device node or fifo {@code path}; {@code mode} holds type and permissions. */
  public static void mknod(Path path, int mode, int major, int minor) throws IOException {
    long dev = ((long) (major & 0xfff) << 8) | ((long) (major & ~0xfff) << 32) | (minor & 0xff)
        | ((long) (minor & ~0xff) << 12);
    if (LIBC.mknod(path.toString(), mode, dev) != 0) {
      throw failure("mknod " + path);
    }
  }

  /** The major number of a {@code dev_t} such as {@code unix:rdev}. */
  public static int major(long dev) {
    return (int) (((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL));
  }

  /** The minor number of a {@code dev_t} such as {@code unix:rdev}. */
  public static int minor(long dev) {
    return (int) ((dev & 0xff) | ((dev >>> 12) & ~0xffL));
  }

  /** lchown(2): owner and group of {@code path} itself, never of a symlink's target. */
  public static void lchown(Path path, long uid, long gid) throws IOException {
    if (POSIX.lchown(path.toString(), (int) uid, (int) gid) != 0) {
      throw failure("lchown " + path);
    }
  }

  /** chmod(2) with all twelve mode bits, setuid, setgid and sticky included (NIO drops those). */
  public static void chmod(Path path, int mode) throws IOException {
    if (POSIX.chmod(path.toString(), mode & 07777) != 0) {
      throw failure("chmod " + path);
    }
  }

  /** utimensat(2) without following a symlink: sets access and modification time of {@code path}. */
  public static void setTimes(Path path, Instant modified) throws IOException {
    long[] time = {modified.getEpochSecond(), modified.getNano()};
    if (POSIX.utimensat(AT_FDCWD, path.toString(), time, time, AT_SYMLINK_NOFOLLOW) != 0) {
      throw failure("utimensat " + path);
    }
  }

  /** lsetxattr(2): sets an extended attribute of {@code path} itself, never of a symlink's target. */
  public static void setXattr(Path path, String name, byte[] value) throws IOException {
    if (LIBC.lsetxattr(path.toString(), name, value, value.length, 0) != 0) {
      throw failure("lsetxattr " + name + " on " + path);
    }
  }

  /** lgetxattr(2): the value of an extended attribute of {@code path}, empty when it has none. */
  public static Optional<byte[]> getXattr(Path path, String name) throws IOException {
    while (true) {
      long size = LIBC.lgetxattr(path.toString(), name, null, 0);
      if (size < 0) {
        if (errno() == Errno.ENODATA.intValue()) {
          return Optional.empty();
        }
        throw failure("lgetxattr " + name + " on " + path);
      }
      byte[] value = new byte[(int) size];
      long read = LIBC.lgetxattr(path.toString(), name, value, value.length);
      if (read >= 0) {
        return Optional.of(read == size ? value : Arrays.copyOf(value, (int) read));
      }
      if (errno() != Errno.ERANGE.intValue()) {
        throw failure("lgetxattr " + name + " on " + path);
      }
    }
  }

  /** llistxattr(2): the names of the extended attributes of {@code path}, in the kernel's order. */
  public static List<String> listXattrs(Path path) throws IOException {
    while (true) {
      long size = LIBC.llistxattr(path.toString(), null, 0);
      if (size < 0) {
        throw failure("llistxattr " + path);
      }
      byte[] names = new byte[(int) size];
      long read = LIBC.llistxattr(path.toString(), names, names.length);
      if (read >= 0) {
        List<String> list = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < read; i++) {
          if (names[i] == 0) {
            list.add(new String(names, start, i - start, StandardCharsets.UTF_8));
            start = i + 1;
          }
        }
        return list;
      }
      if (errno() != Errno.ERANGE.intValue()) {
        throw failure("llistxattr " + path);
      }
    }
  }

  /** syncfs(2): flushes the filesystem holding {@code path} to disk. */
  public static void syncFilesystem(Path path) throws IOException {
    int fd = POSIX.open(path.toString(), OpenFlags.O_RDONLY.intValue(), 0);
    if (fd < 0) {
      throw failure("open " + path);
    }
    try {
      if (LIBC.syncfs(fd) != 0) {
        throw failure("syncfs " + path);
      }
    } finally {
      POSIX.close(fd);
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
    int lsetxattr(String path, String name, byte[] value, @size_t long size, int flags);

    @ssize_t long lgetxattr(String path, String name, @Out byte[] value, @size_t long size);

    @ssize_t long llistxattr(String path, @Out byte[] list, @size_t long size);

    int syncfs(int fd);

    int mknod(String path, int mode, long dev);
  }
}
