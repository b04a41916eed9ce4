package dev.berth.oci.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class TeeInputStreamTest {

  private final byte[] content = "one read, three uses".getBytes(StandardCharsets.UTF_8);

  @Test
  void copiesHashesAndCountsWhatIsRead() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    MessageDigest digest = DigestAlgorithm.SHA256.newMessageDigest();
    TeeInputStream tee = new TeeInputStream(new ByteArrayInputStream(content), sink, digest, content.length);

    assertThat(tee.readAllBytes()).isEqualTo(content);
    assertThat(sink.toByteArray()).isEqualTo(content);
    assertThat(Digest.of(DigestAlgorithm.SHA256, digest)).isEqualTo(Digest.sha256(content));
    assertThat(tee.count()).isEqualTo(content.length);
  }

  @Test
  void refusesMoreThanTheLimit() {
    TeeInputStream tee = new TeeInputStream(new ByteArrayInputStream(content), OutputStream.nullOutputStream(), null,
        content.length - 1);

    assertThatThrownBy(tee::readAllBytes).isInstanceOf(TeeInputStream.LimitExceededException.class);
  }

  @Test
  void reportsSinkFailuresUnchecked() {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("disk full");
      }
    };
    TeeInputStream tee = new TeeInputStream(new ByteArrayInputStream(content), broken, null, Long.MAX_VALUE);

    assertThatThrownBy(tee::readAllBytes).isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk full");
  }
}
