package dev.berth.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.ImageException;
import dev.berth.oci.Digest;
import dev.berth.oci.content.Compression;
import dev.berth.oci.content.FilesystemContentStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveSpoolTest {

  @TempDir
  Path root;

  @Test
  void normalizesDotComponentsAndRepeatedSlashes() {
    assertThat(ArchiveSpool.normalize("./blobs//sha256/./abc")).isEqualTo("blobs/sha256/abc");
    assertThat(ArchiveSpool.normalize("manifest.json")).isEqualTo("manifest.json");
  }

  @Test
  void refusesNamesThatAreAbsoluteOrClimbOut() {
    assertThatThrownBy(() -> ArchiveSpool.normalize("/etc/passwd"))
        .isInstanceOf(ImageException.InvalidArgument.class).hasMessageContaining("absolute");
    assertThatThrownBy(() -> ArchiveSpool.normalize("blobs/../../evil"))
        .isInstanceOf(ImageException.InvalidArgument.class).hasMessageContaining("climbs out");
  }

  @Test
  void computesTheDiffIdOfACompressedEntryInTheSamePass() throws Exception {
    byte[] layer = TestArchives.tar(Map.of("hello.txt", "hello"));
    byte[] compressed = TestArchives.gzip(layer);
    FilesystemContentStore content = new FilesystemContentStore(root);

    try (ArchiveSpool spool = ArchiveSpool.read(new ByteArrayInputStream(TestArchives.tar(Map.of("layer.tar.gz",
        compressed))), content)) {
      SpooledFile file = spool.file("layer.tar.gz", "test");

      assertThat(file.digest()).isEqualTo(Digest.sha256(compressed));
      assertThat(file.compression()).isEqualTo(Compression.GZIP);
      assertThat(file.diffId()).isEqualTo(Digest.sha256(layer));
      assertThat(file.uncompressedSize()).isEqualTo(layer.length);
      assertThat(Files.readAllBytes(file.path())).isEqualTo(compressed);
    }
    assertThat(ingestFiles()).isEmpty();
  }

  @Test
  void takesAnUncompressedEntryAsItsOwnDiffId() {
    byte[] layer = TestArchives.tar(Map.of("hello.txt", "hello"));

    try (ArchiveSpool spool = ArchiveSpool.read(new ByteArrayInputStream(TestArchives.tar(Map.of("l/layer.tar",
        layer))), new FilesystemContentStore(root))) {
      SpooledFile file = spool.file("./l/layer.tar", "test");

      assertThat(file.compression()).isEqualTo(Compression.NONE);
      assertThat(file.diffId()).isEqualTo(file.digest()).isEqualTo(Digest.sha256(layer));
    }
  }

  @Test
  void rejectsABlobWhoseContentDoesNotMatchItsNameAndDeletesWhatItSpooled() {
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put("oci-layout", "{}");
    entries.put("blobs/sha256/" + Digest.sha256("one".getBytes(StandardCharsets.UTF_8)).encoded(), "two");

    assertThatThrownBy(() -> ArchiveSpool.read(new ByteArrayInputStream(TestArchives.tar(entries)),
        new FilesystemContentStore(root)))
        .isInstanceOf(ImageException.InvalidArgument.class)
        .hasMessageContaining("does not match its digest");
    assertThat(ingestFiles()).isEmpty();
  }

  @Test
  void neverFollowsLinksAndSaysSoWhenOneIsReferred() {
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put("manifest.json", "[]");
    entries.put("abc/layer.tar", new TestArchives.Link("/etc/passwd"));

    try (ArchiveSpool spool = ArchiveSpool.read(new ByteArrayInputStream(TestArchives.tar(entries)),
        new FilesystemContentStore(root))) {
      assertThatThrownBy(() -> spool.file("abc/layer.tar", "manifest.json"))
          .isInstanceOf(ImageException.InvalidArgument.class)
          .hasMessageContaining("a link to /etc/passwd; links are not followed");
    }
  }

  @Test
  void refusesSomethingThatIsNotATar() {
    byte[] notATar = new byte[2048];
    Arrays.fill(notATar, (byte) 'x');

    assertThatThrownBy(() -> ArchiveSpool.read(new ByteArrayInputStream(notATar), new FilesystemContentStore(root)))
        .isInstanceOf(ImageException.InvalidArgument.class)
        .hasMessageContaining("not a readable tar");
  }

  @Test
  void refusesATruncatedArchive() {
    byte[] whole = TestArchives.tar(Map.of("big", new byte[100_000]));
    byte[] truncated = Arrays.copyOf(whole, 50_000);

    assertThatThrownBy(() -> ArchiveSpool.read(new ByteArrayInputStream(truncated), new FilesystemContentStore(root)))
        .isInstanceOf(ImageException.InvalidArgument.class);
    assertThat(ingestFiles()).isEmpty();
  }

  private java.util.List<Path> ingestFiles() {
    try (Stream<Path> files = Files.list(root.resolve("ingest"))) {
      return files.toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
