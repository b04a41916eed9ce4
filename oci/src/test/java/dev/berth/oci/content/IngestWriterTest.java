package dev.berth.oci.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestWriterTest {

  /** Long enough for the write-behind thread to flush several times. */
  private static final int LARGE = (int) (3 * IngestWriter.FLUSH_BYTES + 12345);

  @TempDir
  Path dir;

  @Test
  void appendsFromOffsetCuttingOffWhatFollowsAndHashesTheBody() throws Exception {
    byte[] body = random(LARGE);
    Path file = Files.write(dir.resolve("ingest"), random(1000));
    MessageDigest digest = MessageDigest.getInstance("SHA-256");

    long written = IngestWriter.append(file, 100, new ByteArrayInputStream(body), digest);

    assertThat(written).isEqualTo(LARGE);
    byte[] stored = Files.readAllBytes(file);
    assertThat(stored).hasSize(100 + LARGE);
    assertThat(Arrays.copyOfRange(stored, 100, stored.length)).isEqualTo(body);
    assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(body));
  }

  @Test
  void aBodyThatFailsAfterFlushesReportsTheFailureAndCanBeCutBack() throws Exception {
    Path file = Files.createFile(dir.resolve("ingest"));
    InputStream failing = new InputStream() {
      private long left = 2 * IngestWriter.FLUSH_BYTES;

      @Override
      public int read() throws IOException {
        if (left-- == 0) {
          throw new IOException("connection reset");
        }
        return 7;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
          throw new IOException("connection reset");
        }
        int n = (int) Math.min(len, left);
        Arrays.fill(b, off, off + n, (byte) 7);
        left -= n;
        return n;
      }
    };

    assertThatThrownBy(() -> IngestWriter.append(file, 0, failing, null)).hasMessage("connection reset");
    IngestWriter.truncate(file, 0);
    assertThat(Files.size(file)).isZero();
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }
}
