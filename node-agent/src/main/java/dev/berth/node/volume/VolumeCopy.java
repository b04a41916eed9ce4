package dev.berth.node.volume;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Docker's copy-up: the image's content at a volume's mount point is copied into the volume when
 * the volume is empty, with owners, modes and times; symbolic links are copied as links, never
 * followed.
 */
final class VolumeCopy {

  private VolumeCopy() {
  }

  /** Copies the tree {@code source} into the empty directory {@code volume}, which takes source's owner and mode. */
  static void copyInto(Path source, Path volume) throws IOException {
    PosixFileAttributes root = Files.readAttributes(source, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    PosixFileAttributeView target = Files.getFileAttributeView(volume, PosixFileAttributeView.class);
    target.setOwner(root.owner());
    target.setGroup(root.group());
    target.setPermissions(root.permissions());
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (!dir.equals(source)) {
          Files.copy(dir, volume.resolve(source.relativize(dir).toString()), StandardCopyOption.COPY_ATTRIBUTES,
              LinkOption.NOFOLLOW_LINKS);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, volume.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
            LinkOption.NOFOLLOW_LINKS);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
