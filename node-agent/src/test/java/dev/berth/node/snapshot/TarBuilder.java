package dev.berth.node.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds layer tars in tests, entry by entry. */
final class TarBuilder {

  static final Instant TIME = Instant.parse("2001-02-03T04:05:06Z");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

  TarBuilder() {
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  TarBuilder dir(String name) {
    return entry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR), e -> e.setMode(0755),
        null);
  }

  TarBuilder file(String name, String content) {
    return file(name, content, e -> e.setMode(0644));
  }

  TarBuilder file(String name, String content, Consumer<TarArchiveEntry> customize) {
    return entry(new TarArchiveEntry(name), customize, content.getBytes(StandardCharsets.UTF_8));
  }

  TarBuilder symlink(String name, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    entry.setLinkName(target);
    return entry(entry, e -> e.setMode(0777), null);
  }

  TarBuilder hardLink(String name, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK);
    entry.setLinkName(target);
    return entry(entry, e -> e.setMode(0644), null);
  }

  TarBuilder entry(TarArchiveEntry entry, Consumer<TarArchiveEntry> customize, byte[] content) {
    entry.setModTime(FileTime.from(TIME));
    customize.accept(entry);
    if (content != null) {
      entry.setSize(content.length);
    }
    try {
      tar.putArchiveEntry(entry);
      if (content != null) {
        tar.write(content);
      }
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  byte[] build() {
    try {
      tar.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
