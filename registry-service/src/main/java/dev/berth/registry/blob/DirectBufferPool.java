package dev.berth.registry.blob;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Direct buffers of one size, reused from request to request. A direct buffer is what lets a
 * file be read without a copy in the JVM (the kernel copies into it; into a heap array, the JDK
 * reads into a temporary direct buffer and copies again), but allocating one is a zeroed native
 * allocation whose memory only comes back once the garbage collector finds the buffer. Up to
 * {@code keep} idle buffers are kept; more given back at once are left to the collector.
 */
final class DirectBufferPool {

  private final int size;
  private final ArrayBlockingQueue<ByteBuffer> idle;

  DirectBufferPool(int size, int keep) {
    this.size = size;
    this.idle = new ArrayBlockingQueue<>(keep);
  }

  /** An idle buffer, cleared, or a new one. */
  ByteBuffer take() {
    ByteBuffer buffer = idle.poll();
    return buffer == null ? ByteBuffer.allocateDirect(size) : buffer.clear();
  }

  /** Takes back a buffer that its user no longer touches. */
  void give(ByteBuffer buffer) {
    idle.offer(buffer);
  }
}
