package dev.berth.oci.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends a request body to an ingest file, hashing the bytes in the same pass, and has them
 * written to disk behind it: a virtual thread calls {@code fdatasync} on the file each time another
 * {@value #FLUSH_BYTES} bytes have arrived. The bytes still go to disk only once, but while the
 * body is being received rather than all at the end, so the fsync at commit (which alone makes a
 * blob durable) finds almost nothing left to write: on a 256 MiB layer it took 100–200 ms of the
 * completing {@code PUT} of a push without this, a few ms with it. Only a buffer is held in
 * memory, never the body.
 */
public final class IngestWriter {

  private static final System.Logger log = System.getLogger(IngestWriter.class.getName());
  private static final int BUFFER_SIZE = 1 << 20;
  /** Bytes received between two write-behind flushes. */
  public static final long FLUSH_BYTES = 16L << 20;

  private IngestWriter() {
  }

  /**
   * Writes {@code in} to {@code file} starting at {@code offset} (anything after it is cut off
   * first) and feeds the bytes to {@code digest} when it is not null.
   *
   * @return the number of bytes written
   */
  public static long append(Path file, long offset, InputStream in, MessageDigest digest) throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    long written = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        Flusher flusher = new Flusher(channel)) {
      channel.truncate(offset);
      channel.position(offset);
      int read;
      while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
        if (digest != null) {
          digest.update(buffer, 0, read);
        }
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
        while (chunk.hasRemaining()) {
          channel.write(chunk);
        }
        written += read;
        flusher.written(written);
      }
    }
    return written;
  }

  /** Cuts {@code file} back to {@code size} bytes, dropping a partly written chunk. */
  public static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  /** Reads {@code in} to its end, feeding {@code digest}; returns how many bytes there were. */
  public static long hash(InputStream in, MessageDigest digest) throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    long total = 0;
    int read;
    while ((read = in.read(buffer)) > 0) {
      digest.update(buffer, 0, read);
      total += read;
    }
    return total;
  }

  /** Hashes the whole of {@code file}. */
  public static void hash(Path file, MessageDigest digest) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer) > 0) {
        buffer.flip();
        digest.update(buffer);
        buffer.clear();
      }
    }
  }

  /**
   * The write-behind thread of one {@link #append}: started on the first {@value #FLUSH_BYTES}
   * bytes, it flushes whatever has been written whenever that much more has come, and is stopped
   * and joined before the channel closes. A failed flush is only logged: the fsync at commit is
   * what durability rests on, and it reports its own failure.
   */
  private static final class Flusher implements AutoCloseable {

    private final FileChannel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private long written;
    private volatile long flushed;
    private boolean closed;
    private Thread thread;

    Flusher(FileChannel channel) {
      this.channel = channel;
    }

    void written(long total) {
      if (total - flushed < FLUSH_BYTES) {
        return;
      }
      lock.lock();
      try {
        written = total;
        if (thread == null) {
          thread = Thread.ofVirtual().name("ingest-flush").start(this::run);
        }
        progress.signal();
      } finally {
        lock.unlock();
      }
    }

    private void run() {
      while (true) {
        long upTo;
        lock.lock();
        try {
          while (!closed && written - flushed < FLUSH_BYTES) {
            progress.awaitUninterruptibly();
          }
          if (closed) {
            return;
          }
          upTo = written;
        } finally {
          lock.unlock();
        }
        try {
          channel.force(false);
        } catch (IOException e) {
          log.log(System.Logger.Level.DEBUG, "write-behind flush of an ingest file failed; the commit fsync will tell", e);
          return;
        }
        lock.lock();
        try {
          flushed = upTo;
        } finally {
          lock.unlock();
        }
      }
    }

    @Override
    public void close() {
      Thread running;
      lock.lock();
      try {
        closed = true;
        progress.signal();
        running = thread;
      } finally {
        lock.unlock();
      }
      if (running != null) {
        boolean interrupted = false;
        while (true) {
          try {
            running.join();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
