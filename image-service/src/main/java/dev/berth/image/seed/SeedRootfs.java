package dev.berth.image.seed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The root filesystem of the seed images as a tar: {@code /bin/busybox} with a symlink per applet,
 * {@code /etc/passwd} and {@code /etc/group} with root and nobody, the usual empty directories, and
 * any extra files. Entries come in name order, owned by root, all with one modification time and
 * permission bits only in their mode (as Go's archive/tar writes them), so the same busybox always
 * gives the same bytes.
 */
final class SeedRootfs {

  private static final Map<String, Integer> DIRECTORIES = Map.of("bin/", 0755, "dev/", 0755, "etc/", 0755,
      "proc/", 0555, "root/", 0700, "sys/", 0555, "tmp/", 01777, "www/", 0755);
  private static final String PASSWD = """
      root:x:0:0:root:/root:/bin/sh
      nobody:x:65534:65534:nobody:/nonexistent:/bin/false
      """;
  private static final String GROUP = """
      root:x:0:
      nobody:x:65534:
      """;

  /** One entry to write: a directory (no content, file or link), a file, or a symlink; mode is permission bits. */
  private record Entry(int mode, byte[] content, Path file, String link) {
  }

  private SeedRootfs() {
  }

  /**
   * Writes the tar to {@code out} (left open).
   *
   * @param busybox the busybox binary
   * @param applets the names {@code busybox --list} gives
   * @param files extra files by path relative to the root, with their text
   * @param modified the modification time of every entry
   */
  static void write(OutputStream out, Path busybox, List<String> applets, Map<String, String> files,
      FileTime modified) throws IOException {
    Map<String, Entry> entries = new TreeMap<>();
    DIRECTORIES.forEach((name, mode) -> entries.put(name, new Entry(mode, null, null, null)));
    entries.put("etc/passwd", text(PASSWD));
    entries.put("etc/group", text(GROUP));
    files.forEach((name, text) -> entries.put(name, text(text)));
    for (String applet : applets) {
      if (!applet.isBlank() && !applet.contains("/") && !applet.equals("busybox")) {
        entries.put("bin/" + applet, new Entry(0777, null, null, "busybox"));
      }
    }
    entries.put("bin/busybox", new Entry(0755, null, busybox, null));
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    for (Map.Entry<String, Entry> entry : entries.entrySet()) {
      write(tar, entry.getKey(), entry.getValue(), modified);
    }
    tar.finish();
    tar.flush();
  }

  private static Entry text(String text) {
    return new Entry(0644, text.getBytes(StandardCharsets.UTF_8), null, null);
  }

  private static void write(TarArchiveOutputStream tar, String name, Entry entry, FileTime modified)
      throws IOException {
    TarArchiveEntry header = entry.link() != null ? new TarArchiveEntry(name, TarConstants.LF_SYMLINK)
        : new TarArchiveEntry(name);
    header.setMode(entry.mode());
    header.setIds(0, 0);
    header.setNames("root", "root");
    header.setModTime(modified);
    if (entry.link() != null) {
      header.setLinkName(entry.link());
    } else if (entry.content() != null) {
      header.setSize(entry.content().length);
    } else if (entry.file() != null) {
      header.setSize(Files.size(entry.file()));
    }
    tar.putArchiveEntry(header);
    if (entry.content() != null) {
      tar.write(entry.content());
    } else if (entry.file() != null) {
      Files.copy(entry.file(), tar);
    }
    tar.closeArchiveEntry();
  }
}
