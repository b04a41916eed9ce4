package dev.berth.image.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import dev.berth.image.ImageException;
import dev.berth.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerIngestTest {

  @TempDir
  Path dir;

  @Test
  void gzipsTheTarAndHashesBothFormsInOnePass() throws IOException {
    byte[] tar = tar("etc/hostname", "bin/tool");
    Path ingest = dir.resolve("ingest");

    LayerIngest.Layer layer = LayerIngest.write(new ByteArrayInputStream(tar), ingest);

    byte[] blob = Files.readAllBytes(ingest);
    assertThat(layer.digest()).isEqualTo(Digest.sha256(blob));
    assertThat(layer.size()).isEqualTo(blob.length);
    assertThat(layer.diffId()).isEqualTo(Digest.sha256(tar));
    assertThat(layer.uncompressedSize()).isEqualTo(tar.length);
    try (InputStream gunzipped = new GZIPInputStream(Files.newInputStream(ingest))) {
      assertThat(gunzipped.readAllBytes()).isEqualTo(tar);
    }
  }

  @Test
  void readsGzipAndZstdBodiesAsTheSameLayer() throws IOException {
    byte[] tar = tar("a", "b/c");
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gzip)) {
      out.write(tar);
    }
    ByteArrayOutputStream zstd = new ByteArrayOutputStream();
    try (OutputStream out = new ZstdOutputStream(zstd)) {
      out.write(tar);
    }

    LayerIngest.Layer plain = LayerIngest.write(new ByteArrayInputStream(tar), dir.resolve("plain"));
    LayerIngest.Layer fromGzip = LayerIngest.write(new ByteArrayInputStream(gzip.toByteArray()), dir.resolve("gz"));
    LayerIngest.Layer fromZstd = LayerIngest.write(new ByteArrayInputStream(zstd.toByteArray()), dir.resolve("zst"));

    assertThat(fromGzip).isEqualTo(plain);
    assertThat(fromZstd).isEqualTo(plain);
  }

  @Test
  void refusesEntriesThatLeaveTheRoot() throws IOException {
    assertRefused(tar("ok", "../x"), "../x: it leaves the root");
    assertRefused(tar("a/../../x"), "leaves the root");
    assertRefused(tar("/etc/passwd"), "/etc/passwd: absolute path");
  }

  @Test
  void refusesHardLinksToOutsideTheRoot() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry link = new TarArchiveEntry("escape", TarConstants.LF_LINK);
      link.setLinkName("../../etc/shadow");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
    }

    assertRefused(bytes.toByteArray(), "hard link target of escape");
  }

  @Test
  void refusesBodiesThatAreNotTarArchives() {
    byte[] random = new byte[100_000];
    new Random(1).nextBytes(random);

    assertRefused("hello, this is not a tar".getBytes(StandardCharsets.UTF_8), "it holds no entries");
    assertRefused(random, "not a valid tar archive");
    assertRefused(new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3}, "not a valid tar archive");
  }

  private void assertRefused(byte[] body, String message) {
    assertThatThrownBy(() -> LayerIngest.write(new ByteArrayInputStream(body), dir.resolve("refused")))
        .isInstanceOf(ImageException.InvalidArgument.class)
        .hasMessageContaining(message);
  }

  /** A tar of files named {@code names}, each holding its name. */
  private static byte[] tar(String... names) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (String name : names) {
        byte[] content = name.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
