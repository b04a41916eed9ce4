package dev.berth.node.snapshot;

import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * What an active snapshot changed over its parents, read from its upper directory: as an
 * uncompressed layer tar with the image spec's
 * <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/layer.md#whiteouts">whiteouts</a>
 * (an overlay whiteout becomes {@code .wh.name}, an opaque directory gets {@code .wh..wh..opq}),
 * or as Docker's list of changes. Entries come in name order, so the same changes give the same tar.
 */
public final class DiffWriter {

  private static final int S_IFMT = 0170000;
  private static final String XATTR = "SCHILY.xattr.";

  private final Snapshotter snapshotter;

  public DiffWriter(Snapshotter snapshotter) {
    this.snapshotter = snapshotter;
  }

  /** Writes the changes of the active snapshot {@code activeKey} to {@code out} (left open) as a layer tar. */
  public void write(String activeKey, OutputStream out) throws IOException {
    Path upper = upper(activeKey);
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    Map<String, String> linked = new HashMap<>();
    for (Path path : walk(upper)) {
      String name = upper.relativize(path).toString();
      Map<String, Object> attrs = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) attrs.get("mode");
      int type = mode & S_IFMT;
      long rdev = (Long) attrs.get("rdev");
      if (type == Syscalls.S_IFCHR && rdev == 0) {
        Path parent = Path.of(name).getParent();
        String whiteout = (parent == null ? "" : parent + "/") + ".wh." + path.getFileName();
        tar.putArchiveEntry(header(new TarArchiveEntry(whiteout), attrs, 0));
        tar.closeArchiveEntry();
        continue;
      }
      TarArchiveEntry entry;
      String first = (Integer) attrs.get("nlink") > 1 && type == 0100000
          ? linked.putIfAbsent(attrs.get("dev") + ":" + attrs.get("ino"), name) : null;
      if (first != null) {
        entry = new TarArchiveEntry(name, TarConstants.LF_LINK);
        entry.setLinkName(first);
      } else {
        entry = switch (type) {
          case 0040000 -> new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
          case 0120000 -> symlink(name, path);
          case 0100000 -> new TarArchiveEntry(name, TarConstants.LF_NORMAL);
          case 0020000, 0060000, 0010000 -> device(name, type, rdev);
          default -> throw new IOException("cannot export " + path + ": unsupported file type " + type);
        };
      }
      header(entry, attrs, mode);
      boolean content = type == 0100000 && first == null;
      if (content) {
        entry.setSize((Long) attrs.get("size"));
      }
      addXattrs(entry, path);
      tar.putArchiveEntry(entry);
      if (content) {
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
          in.transferTo(tar);
        }
      }
      tar.closeArchiveEntry();
      if (type == 0040000 && LayerTree.opaque(path)) {
        tar.putArchiveEntry(header(new TarArchiveEntry(name + "/.wh..wh..opq"), attrs, 0));
        tar.closeArchiveEntry();
      }
    }
    tar.finish();
  }

  /** The changes of the active snapshot {@code activeKey}, in path order. */
  public List<Change> changes(String activeKey) throws IOException {
    LayerDirs dirs = LayerDirs.of(snapshotter.mounts(activeKey));
    List<Change> changes = new ArrayList<>();
    for (Path path : walk(dirs.upper())) {
      Path relative = dirs.upper().relativize(path);
      Change.Kind kind;
      if (LayerTree.isWhiteout(path)) {
        kind = Change.Kind.DELETED;
      } else {
        boolean inLower = false;
        for (Path lower : dirs.lowers()) {
          inLower |= LayerTree.lstat(lower.resolve(relative)).isPresent();
        }
        kind = inLower ? Change.Kind.MODIFIED : Change.Kind.ADDED;
      }
      changes.add(new Change("/" + relative, kind));
    }
    return changes;
  }

  private Path upper(String activeKey) {
    LayerDirs dirs = LayerDirs.of(snapshotter.mounts(activeKey));
    if (dirs.upper() == null) {
      throw new SnapshotException.FailedPrecondition("snapshot " + activeKey + " is not active");
    }
    return dirs.upper();
  }

  private static TarArchiveEntry symlink(String name, Path path) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    entry.setLinkName(Files.readSymbolicLink(path).toString());
    return entry;
  }

  private static TarArchiveEntry device(String name, int type, long rdev) {
    byte flag = type == 0020000 ? TarConstants.LF_CHR : type == 0060000 ? TarConstants.LF_BLK : TarConstants.LF_FIFO;
    TarArchiveEntry entry = new TarArchiveEntry(name, flag);
    entry.setDevMajor(Syscalls.major(rdev));
    entry.setDevMinor(Syscalls.minor(rdev));
    return entry;
  }

  private static TarArchiveEntry header(TarArchiveEntry entry, Map<String, Object> attrs, int mode) {
    entry.setMode(mode & 07777);
    entry.setIds((Integer) attrs.get("uid"), (Integer) attrs.get("gid"));
    entry.setModTime((FileTime) attrs.get("lastModifiedTime"));
    return entry;
  }

  private static void addXattrs(TarArchiveEntry entry, Path path) throws IOException {
    for (String name : Syscalls.listXattrs(path)) {
      if (!name.startsWith("trusted.overlay.")) {
        byte[] value = Syscalls.getXattr(path, name).orElse(new byte[0]);
        entry.addPaxHeader(XATTR + name, new String(value, StandardCharsets.UTF_8));
      }
    }
  }

  private static List<Path> walk(Path dir) throws IOException {
    List<Path> paths = new ArrayList<>();
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
    }
    for (Path child : children) {
      paths.add(child);
      if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        paths.addAll(walk(child));
      }
    }
    return paths;
  }
}
