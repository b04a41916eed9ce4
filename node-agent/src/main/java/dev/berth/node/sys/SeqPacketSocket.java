package dev.berth.node.sys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * A connected {@code AF_UNIX} {@code SOCK_SEQPACKET} socket, such as conmon's attach socket, which
 * Java's {@code SocketChannel} (stream sockets only) cannot open. Each read yields one packet whole,
 * each write sends one. Reads and writes block in native code, so a thread that waits on them should
 * be a platform thread (a virtual one would pin its carrier); {@link #shutdown} wakes a blocked read.
 */
public final class SeqPacketSocket implements AutoCloseable {

  private static final int AF_UNIX = 1;
  private static final int SOCK_SEQPACKET = 5;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int O_PATH = 0x200000;
  private static final int O_CLOEXEC = 0x80000;
  private static final int SHUT_WR = 1;
  private static final int SHUT_RDWR = 2;
  private static final int EINTR = 4;
  /** Fail with EPIPE rather than raise SIGPIPE when the peer is gone. */
  private static final int MSG_NOSIGNAL = 0x4000;
  /** {@code sizeof(struct sockaddr_un)}: a 2-byte family, then a 108-byte path. */
  private static final int SOCKADDR_UN_SIZE = 110;

  private static final Net NET = LibraryLoader.create(Net.class).load("c");
  private static final Runtime RUNTIME = Runtime.getRuntime(NET);

  private final int fd;
  private final String name;
  private volatile boolean closed;

  private SeqPacketSocket(int fd, String name) {
    this.fd = fd;
    this.name = name;
  }

  /**
   * Connects to the socket {@code name} in {@code dir}. The directory is reached through
   * {@code /proc/self/fd}, so its path may be longer than a socket address allows (108 bytes).
   */
  public static SeqPacketSocket connect(Path dir, String name) throws IOException {
    int dirFd = NET.open(dir.toString(), O_PATH | O_CLOEXEC);
    if (dirFd < 0) {
      throw failure("open " + dir);
    }
    try {
      int fd = NET.socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
      if (fd < 0) {
        throw failure("socket for " + dir.resolve(name));
      }
      byte[] address = new byte[SOCKADDR_UN_SIZE];
      address[0] = AF_UNIX;
      byte[] path = ("/proc/self/fd/" + dirFd + "/" + name).getBytes(StandardCharsets.UTF_8);
      System.arraycopy(path, 0, address, 2, path.length);
      if (NET.connect(fd, address, address.length) != 0) {
        IOException failure = failure("connect " + dir.resolve(name));
        NET.close(fd);
        throw failure;
      }
      return new SeqPacketSocket(fd, dir.resolve(name).toString());
    } finally {
      NET.close(dirFd);
    }
  }

  /** Reads one packet into {@code buffer} (truncated beyond its length); returns its size, or -1 at the end. */
  public int read(byte[] buffer) throws IOException {
    while (true) {
      long n = NET.read(fd, buffer, buffer.length);
      if (n > 0) {
        return (int) n;
      }
      if (n == 0 || closed) {
        return -1;
      }
      if (RUNTIME.getLastError() != EINTR) {
        throw failure("read " + name);
      }
    }
  }

  /** Sends {@code length} bytes of {@code buffer} from {@code offset} as one packet. */
  public void write(byte[] buffer, int offset, int length) throws IOException {
    byte[] packet = offset == 0 && length == buffer.length ? buffer : Arrays.copyOfRange(buffer, offset, offset + length);
    while (true) {
      long n = NET.send(fd, packet, packet.length, MSG_NOSIGNAL);
      if (n == packet.length) {
        return;
      }
      if (n >= 0 || RUNTIME.getLastError() != EINTR) {
        throw n >= 0 ? new IOException("short write to " + name) : failure("write " + name);
      }
    }
  }

  /** Ends what this side sends; the peer reads the end while it can still write. */
  public void shutdownOutput() throws IOException {
    if (NET.shutdown(fd, SHUT_WR) != 0) {
      throw failure("shutdown " + name);
    }
  }

  /** Ends both directions, which wakes a read blocked on the socket; {@link #close} releases it. */
  public void shutdown() {
    closed = true;
    NET.shutdown(fd, SHUT_RDWR);
  }

  @Override
  public void close() {
    closed = true;
    NET.close(fd);
  }

  private static IOException failure(String call) {
    int errno = RUNTIME.getLastError();
    return new IOException(call + ": " + Syscalls.posix().strerror(errno) + " (errno " + errno + ")");
  }

  /** The libc socket functions this class binds. */
  public interface Net {
    int open(String path, int flags);

    int socket(int domain, int type, int protocol);

    int connect(int fd, @In byte[] address, int length);

    @ssize_t long read(int fd, @Out byte[] buffer, @size_t long count);

    @ssize_t long send(int fd, @In byte[] buffer, @size_t long count, int flags);

    int shutdown(int fd, int how);

    int close(int fd);
  }
}
