package dev.berth.node.snapshot;

import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks an uncompressed layer tar into a snapshot's upper directory, as the
 * <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/layer.md#applying-changesets">image
 * spec applies changesets</a>: owners, all mode bits, times, {@code SCHILY.xattr.*} extended
 * attributes, device nodes, fifos, hard and symbolic links are kept; {@code .wh.name} becomes an
 * overlay whiteout and {@code .wh..wh..opq} makes its directory opaque. The archive is hostile
 * input: an entry that would land outside the upper directory, or is larger than allowed or than
 * the free disk space, fails the whole unpack with an {@link UnsafeEntryException}.
 */
final class TarUnpacker {

  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";
  private static final String XATTR = "SCHILY.xattr.";
  private static final String OVERLAY_XATTRS = "trusted.overlay.";

  private final long maxEntrySize;

  /** @param maxEntrySize the largest file an entry may hold */
  TarUnpacker(long maxEntrySize) {
    this.maxEntrySize = maxEntrySize;
  }

  /**
   * Unpacks the tar stream {@code in} (left open, read up to the end of the archive) into
   * {@code dirs.upper()}.
   */
  void unpack(InputStream in, LayerDirs dirs) throws IOException {
    if (dirs.upper() == null) {
      throw new IllegalArgumentException("a read-only snapshot cannot be unpacked into");
    }
    LayerTree tree = new LayerTree(dirs.upper(), dirs.lowers());
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
      apply(tar, entry, tree);
    }
    tree.finish();
  }

  private void apply(InputStream tar, TarArchiveEntry entry, LayerTree tree) throws IOException {
    String name = entry.getName();
    List<String> parts = LayerTree.components(name);
    if (parts.isEmpty()) {
      if (!entry.isDirectory()) {
        throw new UnsafeEntryException(name, "only a directory may name the layer root");
      }
      setAttributes(entry, tree.root(), tree);
      return;
    }
    String base = parts.getLast();
    Path parent = tree.directory(parts.subList(0, parts.size() - 1), name);
    if (base.startsWith(WHITEOUT)) {
      whiteout(name, base, parent, tree);
      return;
    }
    Path target = parent.resolve(base);
    if (entry.isDirectory()) {
      tree.makeDirectory(target);
      setAttributes(entry, target, tree);
      return;
    }
    tree.clear(target);
    if (entry.isSymbolicLink()) {
      Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
    } else if (entry.isLink()) {
      Files.createLink(target, hardLinkTarget(name, entry.getLinkName(), tree));
      return;
    } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
      int type = entry.isFIFO() ? Syscalls.S_IFIFO : entry.isCharacterDevice() ? Syscalls.S_IFCHR : Syscalls.S_IFBLK;
      Syscalls.mknod(target, type | (entry.getMode() & 07777), entry.getDevMajor(), entry.getDevMinor());
    } else if (entry.isFile()) {
      write(tar, entry, target);
    } else {
      throw new UnsafeEntryException(name, "unsupported entry type '" + (char) entry.getLinkFlag() + "'");
    }
    setAttributes(entry, target, tree);
  }

  private static void whiteout(String name, String base, Path parent, LayerTree tree) throws IOException {
    if (base.equals(OPAQUE)) {
      tree.markOpaque(parent);
      return;
    }
    String hidden = base.substring(WHITEOUT.length());
    if (hidden.startsWith(WHITEOUT)) {
      return; // other AUFS metadata (.wh..wh.plnk, .wh..wh.aufs) has no meaning here
    }
    if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
      throw new UnsafeEntryException(name, "whiteout of \"" + hidden + "\" names no file");
    }
    tree.whiteout(parent.resolve(hidden));
  }

  private static Path hardLinkTarget(String name, String linkName, LayerTree tree) throws IOException {
    List<String> parts = LayerTree.components(linkName);
    if (parts.isEmpty()) {
      throw new UnsafeEntryException(name, "hard link to the layer root");
    }
    Path existing = tree.existingDirectory(parts.subList(0, parts.size() - 1), name).resolve(parts.getLast());
    PosixFileAttributes attrs = LayerTree.lstat(existing).orElseThrow(
        () -> new UnsafeEntryException(name, "hard link to " + linkName + ", which this layer does not hold"));
    if (attrs.isSymbolicLink()) {
      throw new UnsafeEntryException(name, "hard link to the symbolic link " + linkName);
    }
    if (attrs.isDirectory()) {
      throw new UnsafeEntryException(name, "hard link to the directory " + linkName);
    }
    return existing;
  }

  private void write(InputStream tar, TarArchiveEntry entry, Path target) throws IOException {
    long size = entry.getSize();
    if (size > maxEntrySize) {
      throw new UnsafeEntryException(entry.getName(), size + " bytes, more than the limit of " + maxEntrySize);
    }
    if (size > Files.getFileStore(target.getParent()).getUsableSpace()) {
      throw new UnsafeEntryException(entry.getName(), size + " bytes, more than the free disk space");
    }
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS)) {
      tar.transferTo(out);
    }
  }

  private static void setAttributes(TarArchiveEntry entry, Path target, LayerTree tree) throws IOException {
    Syscalls.lchown(target, entry.getLongUserId(), entry.getLongGroupId());
    if (!entry.isSymbolicLink()) {
      Syscalls.chmod(target, entry.getMode());
    }
    for (Map.Entry<String, String> header : entry.getExtraPaxHeaders().entrySet()) {
      String xattr = header.getKey().startsWith(XATTR) ? header.getKey().substring(XATTR.length()) : null;
      if (xattr != null && !xattr.startsWith(OVERLAY_XATTRS)) {
        Syscalls.setXattr(target, xattr, header.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    if (entry.isDirectory()) {
      tree.deferTime(target, entry.getLastModifiedTime().toInstant());
    } else {
      Syscalls.setTimes(target, entry.getLastModifiedTime().toInstant());
    }
  }
}
