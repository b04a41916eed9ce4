package dev.berth.engine.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.node.api.LogEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class StdStreamTest {

  private static final Instant TIME = Instant.parse("2026-11-28T01:38:08.830061755Z");

  @Test
  void framesEachLineWithItsStreamAndBigEndianLength() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StdStream stream = new StdStream(out, false, false);

    stream.write(new LogEntry(TIME, "stdout", false, "started"));
    stream.write(new LogEntry(TIME, "stderr", false, "err"));

    assertThat(out.toByteArray()).containsExactly(concat(
        new byte[] {1, 0, 0, 0, 0, 0, 0, 8}, "started\n".getBytes(StandardCharsets.UTF_8),
        new byte[] {2, 0, 0, 0, 0, 0, 0, 4}, "err\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void writesLengthsBeyondOneByteBigEndian() {
    assertThat(StdStream.header(1, 0x01020304)).containsExactly(1, 0, 0, 0, 1, 2, 3, 4);
  }

  @Test
  void prefixesTimestampsWithNineFractionDigitsInsideThePayload() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new StdStream(out, false, true).write(new LogEntry(TIME, "stdout", false, "started"));

    String payload = "2026-11-28T01:38:08.830061755Z started\n";
    assertThat(out.toByteArray()).containsExactly(concat(new byte[] {1, 0, 0, 0, 0, 0, 0, (byte) payload.length()},
        payload.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void padsWholeSecondTimestampsToNineDigits() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new StdStream(out, true, true).write(new LogEntry(Instant.parse("2026-11-28T01:38:08Z"), "stdout", false, "x"));

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("2026-11-28T01:38:08.000000000Z x\n");
  }

  @Test
  void writesRawBytesForATerminalAndNoNewlineAfterAPartialLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StdStream stream = new StdStream(out, true, false);

    stream.write(new LogEntry(TIME, "stdout", true, "partial"));
    stream.write(new LogEntry(TIME, "stdout", false, " line\r"));

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("partial line\r\n");
  }

  @Test
  void namesTheMultiplexedContentTypeFromApi142WithoutATerminal() {
    assertThat(StdStream.contentType(version("1.44"), false)).isEqualTo(StdStream.MULTIPLEXED);
    assertThat(StdStream.contentType(version("1.42"), false)).isEqualTo(StdStream.MULTIPLEXED);
    assertThat(StdStream.contentType(version("1.41"), false)).isEqualTo(StdStream.RAW);
    assertThat(StdStream.contentType(version("1.44"), true)).isEqualTo(StdStream.RAW);
    assertThat(StdStream.MULTIPLEXED.toString()).isEqualTo("application/vnd.docker.multiplexed-stream");
    assertThat(StdStream.RAW.toString()).isEqualTo("application/vnd.docker.raw-stream");
  }

  private static MockHttpServletRequest version(String version) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setAttribute(DockerVersionFilter.API_VERSION, version);
    return request;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
