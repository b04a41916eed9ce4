package dev.berth.e2e;

import java.io.InputStream;

/**
 * A stream of {@code length} incompressible pseudo-random bytes generated on the fly, never held
 * in memory. Byte {@code i} depends only on the seed and {@code i} (SplitMix64 of the 8-byte word
 * holding it), so any range can be regenerated on its own with {@link #from}.
 */
final class PseudoRandomBytes extends InputStream {

  private final long seed;
  private final long end;
  private long position;

  private PseudoRandomBytes(long seed, long start, long end) {
    this.seed = seed;
    this.position = start;
    this.end = end;
  }

  /** The bytes {@code [0, length)} of the sequence for {@code seed}. */
  static PseudoRandomBytes of(long seed, long length) {
    return new PseudoRandomBytes(seed, 0, length);
  }

  /** The bytes {@code [start, start + length)} of the sequence for {@code seed}. */
  static PseudoRandomBytes from(long seed, long start, long length) {
    return new PseudoRandomBytes(seed, start, start + length);
  }

  @Override
  public int read() {
    if (position >= end) {
      return -1;
    }
    int value = byteAt(position);
    position++;
    return value;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (position >= end) {
      return -1;
    }
    int count = (int) Math.min(length, end - position);
    int i = 0;
    while (i < count) {
      if ((position & 7) == 0 && count - i >= Long.BYTES) {
        long word = word(position >>> 3);
        for (int b = 0; b < Long.BYTES; b++) {
          buffer[offset + i + b] = (byte) (word >>> (8 * b));
        }
        i += Long.BYTES;
        position += Long.BYTES;
      } else {
        buffer[offset + i] = (byte) byteAt(position);
        i++;
        position++;
      }
    }
    return count;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, end - position);
  }

  private int byteAt(long index) {
    return (int) (word(index >>> 3) >>> (8 * (index & 7))) & 0xff;
  }

  /** SplitMix64's output function over the word's index. */
  private long word(long index) {
    long z = seed + (index + 1) * 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
