package dev.berth.testsupport;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Docker's multiplexed stdout/stderr stream (the Engine API's "stdcopy": a byte for the
 * stream, three zero bytes, a big-endian length, the payload), each frame as {@code stream:payload}.
 */
public final class StdFrames {

  private StdFrames() {
  }

  /** The next frame, or null at the end of the stream. */
  public static String next(DataInputStream in) throws IOException {
    int type = in.read();
    if (type < 0) {
      return null;
    }
    try {
      in.skipNBytes(3);
      byte[] payload = new byte[in.readInt()];
      in.readFully(payload);
      return type + ":" + new String(payload, StandardCharsets.UTF_8);
    } catch (EOFException e) {
      throw new IOException("truncated frame", e);
    }
  }

  /** Every frame until the end of {@code in}. */
  public static List<String> all(DataInputStream in) throws IOException {
    List<String> frames = new ArrayList<>();
    for (String frame = next(in); frame != null; frame = next(in)) {
      frames.add(frame);
    }
    return frames;
  }

  /** Every frame of a whole stream. */
  public static List<String> all(byte[] stream) throws IOException {
    return all(new DataInputStream(new ByteArrayInputStream(stream)));
  }
}
