package dev.berth.image.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Tar and gzip bytes built in memory for load tests. */
final class TestArchives {

  /** A symbolic link entry: the value of an entry whose bytes should be a link to {@code target}. */
  record Link(String target) {
  }

  private TestArchives() {
  }

  /** A tar of {@code entries} in order: byte arrays become files, strings text files, {@link Link}s symlinks. */
  static byte[] tar(Map<String, ?> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, ?> entry : entries.entrySet()) {
        if (entry.getValue() instanceof Link link) {
          TarArchiveEntry header = new TarArchiveEntry(entry.getKey(), TarConstants.LF_SYMLINK);
          header.setLinkName(link.target());
          tar.putArchiveEntry(header);
        } else {
          byte[] content = entry.getValue() instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
              : (byte[]) entry.getValue();
          TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
          header.setSize(content.length);
          tar.putArchiveEntry(header);
          tar.write(content);
        }
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
