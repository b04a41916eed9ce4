package dev.berth.image.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a tar stream entry by entry: POSIX (PAX) headers for long names and sizes beyond 8 GiB,
 * fixed times and modes so that saving the same images twice gives the same bytes. Files are
 * streamed, never held in memory.
 */
final class TarWriter {

  private static final Date EPOCH = Date.from(Instant.EPOCH);

  private final TarArchiveOutputStream tar;

  TarWriter(OutputStream out) {
    this.tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  void directory(String name) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
    entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
    entry.setModTime(EPOCH);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  void file(String name, Path file, long size) throws IOException {
    tar.putArchiveEntry(entry(name, size));
    Files.copy(file, tar);
    tar.closeArchiveEntry();
  }

  void file(String name, byte[] bytes) throws IOException {
    tar.putArchiveEntry(entry(name, bytes.length));
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  /** Writes the end-of-archive records and flushes, leaving the underlying stream open. */
  void finish() throws IOException {
    tar.finish();
    tar.flush();
  }

  private static TarArchiveEntry entry(String name, long size) {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(size);
    entry.setMode(0644);
    entry.setModTime(EPOCH);
    return entry;
  }
}
