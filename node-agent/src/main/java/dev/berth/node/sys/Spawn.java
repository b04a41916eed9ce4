package dev.berth.node.sys;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.Out;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * Starts programs with glibc's {@code posix_spawn(3)}, for the calls on a container's start path
 * (conmon, the OCI runtime). {@link ProcessBuilder} costs two more programs per call: the JDK's
 * {@code jspawnhelper}, which it spawns first and which then executes the program, and, as no JDK
 * process may get a descriptor beyond 2, a shell to put conmon's sync pipe on descriptor 3. Here the
 * child gets exactly the descriptors asked for ({@code dup2} onto 0, 1, 2, ..., every other one closed
 * with {@code closefrom}), its signal mask emptied and every signal's disposition reset, before it
 * executes the program; output is captured in memory files ({@link #memoryFile}) read once the
 * program exited, so no thread reads a pipe while it runs.
 *
 * <p>Waiting leaves the thread free: the JDK's process reaper waits for the child's exit (without
 * reaping it), then {@code waitpid} collects the status at once. A virtual thread never blocks its
 * carrier in a native call.
 */
public final class Spawn {

  private static final int O_RDWR = 2;
  private static final int O_CLOEXEC = 0x80000;
  private static final int MFD_CLOEXEC = 1;
  private static final int SEEK_SET = 0;
  private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
  private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
  /** Room for {@code posix_spawn_file_actions_t} (80 bytes on x86-64 and arm64) and {@code posix_spawnattr_t} (336). */
  private static final int STRUCT_SIZE = 1024;
  /** {@code sigset_t}: 1024 bits. */
  private static final int SIGSET_SIZE = 128;

  private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
  private static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
  private static final int DEV_NULL = openDevNull();

  private Spawn() {
  }

  /** A started program. */
  public record Child(int pid) {

    /** Waits for the program to exit and returns its exit code (128 plus the signal's number when a signal ended it). */
    public int await() throws IOException {
      ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
      IntByReference status = new IntByReference();
      if (LIBC.waitpid(pid, status, 0) != pid) {
        throw Syscalls.failure("waitpid " + pid);
      }
      int value = status.intValue();
      return (value & 0x7f) == 0 ? (value >> 8) & 0xff : 128 + (value & 0x7f);
    }
  }

  /** {@code /dev/null}, open for reading and writing, to hand a child as a descriptor. */
  public static int devNull() {
    return DEV_NULL;
  }

  /**
   * Starts {@code command} (its first element a path) in {@code directory} with {@code environment}; descriptor
   * {@code i} of the child is {@code descriptors[i]} of this process, and it has no other.
   */
  public static Child start(List<String> command, Map<String, String> environment, Path directory,
      int... descriptors) throws IOException {
    Pointer actions = Memory.allocateDirect(RUNTIME, STRUCT_SIZE);
    Pointer attributes = Memory.allocateDirect(RUNTIME, STRUCT_SIZE);
    check(LIBC.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
    try {
      check(LIBC.posix_spawnattr_init(attributes), "posix_spawnattr_init");
      try {
        for (int target = 0; target < descriptors.length; target++) {
          check(LIBC.posix_spawn_file_actions_adddup2(actions, descriptors[target], target), "adddup2");
        }
        check(LIBC.posix_spawn_file_actions_addclosefrom_np(actions, descriptors.length), "addclosefrom_np");
        if (directory != null) {
          check(LIBC.posix_spawn_file_actions_addchdir_np(actions, directory.toString()), "addchdir_np");
        }
        Pointer none = Memory.allocateDirect(RUNTIME, SIGSET_SIZE);
        Pointer all = Memory.allocateDirect(RUNTIME, SIGSET_SIZE);
        LIBC.sigemptyset(none);
        LIBC.sigfillset(all);
        check(LIBC.posix_spawnattr_setsigmask(attributes, none), "setsigmask");
        check(LIBC.posix_spawnattr_setsigdefault(attributes, all), "setsigdefault");
        check(LIBC.posix_spawnattr_setflags(attributes, (short) (POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)),
            "setflags");
        List<String> variables = new ArrayList<>();
        environment.forEach((name, value) -> variables.add(name + "=" + value));
        List<Pointer> keep = new ArrayList<>();
        Pointer argv = strings(command, keep);
        Pointer envp = strings(variables, keep);
        IntByReference pid = new IntByReference();
        int error = LIBC.posix_spawn(pid, command.getFirst(), actions, attributes, argv, envp);
        Reference.reachabilityFence(keep);
        Reference.reachabilityFence(none);
        Reference.reachabilityFence(all);
        check(error, "cannot run " + command.getFirst());
        return new Child(pid.intValue());
      } finally {
        LIBC.posix_spawnattr_destroy(attributes);
      }
    } finally {
      LIBC.posix_spawn_file_actions_destroy(actions);
    }
  }

  /**
   * An anonymous file in memory ({@code memfd_create}) holding {@code content}, positioned at its start:
   * a child's input, or (empty) where it writes output to be read with {@link #read} after it exited.
   */
  public static int memoryFile(String name, byte[] content) throws IOException {
    int fd = LIBC.memfd_create(name, MFD_CLOEXEC);
    if (fd < 0) {
      throw Syscalls.failure("memfd_create " + name);
    }
    try {
      for (int written = 0; written < content.length; ) {
        byte[] rest = written == 0 ? content : Arrays.copyOfRange(content, written, content.length);
        long n = LIBC.write(fd, rest, rest.length);
        if (n < 0) {
          throw Syscalls.failure("write to " + name);
        }
        written += (int) n;
      }
      if (LIBC.lseek(fd, 0, SEEK_SET) < 0) {
        throw Syscalls.failure("lseek " + name);
      }
      return fd;
    } catch (IOException e) {
      Syscalls.close(fd);
      throw e;
    }
  }

  /** Everything written to the open file {@code fd}, read through a new open file description (from its start). */
  public static byte[] read(int fd) throws IOException {
    return Files.readAllBytes(Path.of("/proc/self/fd/" + fd));
  }

  /** A pipe, both ends close-on-exec: {@code [read end, write end]}. */
  public static int[] pipe() throws IOException {
    int[] fds = new int[2];
    if (LIBC.pipe2(fds, O_CLOEXEC) != 0) {
      throw Syscalls.failure("pipe2");
    }
    return fds;
  }

  /** A {@code NULL}-terminated {@code char *[]} of {@code values}; the memory stays reachable through {@code keep}. */
  private static Pointer strings(List<String> values, List<Pointer> keep) {
    int address = RUNTIME.addressSize();
    Pointer array = Memory.allocateDirect(RUNTIME, (long) (values.size() + 1) * address);
    for (int i = 0; i < values.size(); i++) {
      byte[] bytes = values.get(i).getBytes(StandardCharsets.UTF_8);
      Pointer string = Memory.allocateDirect(RUNTIME, bytes.length + 1);
      string.put(0, bytes, 0, bytes.length);
      string.putByte(bytes.length, (byte) 0);
      array.putPointer((long) i * address, string);
      keep.add(string);
    }
    array.putAddress((long) values.size() * address, 0);
    keep.add(array);
    return array;
  }

  private static void check(int error, String call) throws IOException {
    if (error != 0) {
      throw new IOException(call + ": " + Syscalls.posix().strerror(error) + " (errno " + error + ")");
    }
  }

  private static int openDevNull() {
    int fd = LIBC.open("/dev/null", O_RDWR | O_CLOEXEC);
    if (fd < 0) {
      throw new IllegalStateException("cannot open /dev/null: errno " + RUNTIME.getLastError());
    }
    return fd;
  }

  /** The glibc functions behind {@code posix_spawn}, and the descriptors handed to children. */
  public interface LibC {
    int posix_spawn(@Out IntByReference pid, String path, Pointer fileActions, Pointer attributes, Pointer argv,
        Pointer envp);

    int posix_spawn_file_actions_init(Pointer actions);

    int posix_spawn_file_actions_destroy(Pointer actions);

    int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);

    int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

    int posix_spawn_file_actions_addchdir_np(Pointer actions, String path);

    int posix_spawnattr_init(Pointer attributes);

    int posix_spawnattr_destroy(Pointer attributes);

    int posix_spawnattr_setflags(Pointer attributes, short flags);

    int posix_spawnattr_setsigmask(Pointer attributes, Pointer mask);

    int posix_spawnattr_setsigdefault(Pointer attributes, Pointer signals);

    int sigemptyset(Pointer set);

    int sigfillset(Pointer set);

    int waitpid(int pid, @Out IntByReference status, int options);

    int memfd_create(String name, int flags);

    @ssize_t long write(int fd, byte[] buffer, @size_t long count);

    long lseek(int fd, long offset, int whence);

    int pipe2(@Out int[] fds, int flags);

    int open(String path, int flags);
  }
}
