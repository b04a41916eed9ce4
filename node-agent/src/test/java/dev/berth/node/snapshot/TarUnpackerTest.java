package dev.berth.node.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.node.sys.Syscalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarUnpackerTest {

  @TempDir
  Path dir;
  Path upper;

  @BeforeEach
  void upper() throws IOException {
    upper = Files.createDirectory(dir.resolve("fs"));
  }

  private void unpack(byte[] tar) throws IOException {
    new TarUnpacker(1 << 20).unpack(new ByteArrayInputStream(tar), new LayerDirs(upper, List.of()));
  }

  private static Map<String, Object> stat(Path path) throws IOException {
    return Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
  }

  @Test
  void keepsOwnersModesWithSetuidAndTimes() throws IOException {
    unpack(new TarBuilder()
        .dir("bin")
        .file("bin/su", "#!", e -> {
          e.setIds(1000, 2000);
          e.setMode(04755);
        })
        .entry(new TarArchiveEntry("tmp/", TarConstants.LF_DIR), e -> e.setMode(01777), null)
        .entry(new TarArchiveEntry("shared/", TarConstants.LF_DIR), e -> e.setMode(02775), null)
        .build());

    Map<String, Object> su = stat(upper.resolve("bin/su"));
    assertThat(su.get("uid")).isEqualTo(1000);
    assertThat(su.get("gid")).isEqualTo(2000);
    assertThat((Integer) su.get("mode") & 07777).isEqualTo(04755);
    assertThat(su.get("lastModifiedTime")).isEqualTo(FileTime.from(TarBuilder.TIME));
    assertThat(Files.readString(upper.resolve("bin/su"))).isEqualTo("#!");
    assertThat((Integer) stat(upper.resolve("tmp")).get("mode") & 07777).isEqualTo(01777);
    assertThat((Integer) stat(upper.resolve("shared")).get("mode") & 07777).isEqualTo(02775);
    assertThat(stat(upper.resolve("bin")).get("lastModifiedTime")).isEqualTo(FileTime.from(TarBuilder.TIME));
  }

  @Test
  void keepsExtendedAttributesButNotOverlayOnes() throws IOException {
    unpack(new TarBuilder()
        .file("cap", "", e -> {
          e.setMode(0755);
          e.addPaxHeader("SCHILY.xattr.user.note", "kept");
          e.addPaxHeader("SCHILY.xattr.trusted.overlay.redirect", "/etc");
        })
        .build());

    assertThat(Trees.xattr(upper.resolve("cap"), "user.note")).isEqualTo("kept");
    assertThat(Trees.xattr(upper.resolve("cap"), "trusted.overlay.redirect")).isNull();
  }

  @Test
  void createsDeviceNodesAndFifos() throws IOException {
    unpack(new TarBuilder()
        .entry(new TarArchiveEntry("null", TarConstants.LF_CHR), e -> {
          e.setMode(0666);
          e.setDevMajor(1);
          e.setDevMinor(3);
        }, null)
        .entry(new TarArchiveEntry("loop0", TarConstants.LF_BLK), e -> {
          e.setMode(0660);
          e.setDevMajor(7);
          e.setDevMinor(300);
        }, null)
        .entry(new TarArchiveEntry("pipe", TarConstants.LF_FIFO), e -> e.setMode(0600), null)
        .build());

    Map<String, Object> nul = stat(upper.resolve("null"));
    assertThat((Integer) nul.get("mode")).isEqualTo(Syscalls.S_IFCHR | 0666);
    assertThat(Syscalls.major((Long) nul.get("rdev"))).isEqualTo(1);
    assertThat(Syscalls.minor((Long) nul.get("rdev"))).isEqualTo(3);
    Map<String, Object> loop = stat(upper.resolve("loop0"));
    assertThat((Integer) loop.get("mode")).isEqualTo(Syscalls.S_IFBLK | 0660);
    assertThat(Syscalls.minor((Long) loop.get("rdev"))).isEqualTo(300);
    assertThat((Integer) stat(upper.resolve("pipe")).get("mode")).isEqualTo(Syscalls.S_IFIFO | 0600);
  }

  @Test
  void createsHardAndSymbolicLinksWithTheirOwnTimes() throws IOException {
    unpack(new TarBuilder()
        .file("bin/busybox", "elf", e -> e.setMode(0755))
        .hardLink("bin/sh", "bin/busybox")
        .symlink("bin/ls", "/bin/busybox")
        .build());

    assertThat(stat(upper.resolve("bin/sh")).get("ino")).isEqualTo(stat(upper.resolve("bin/busybox")).get("ino"));
    assertThat(Files.readSymbolicLink(upper.resolve("bin/ls"))).isEqualTo(Path.of("/bin/busybox"));
    assertThat(stat(upper.resolve("bin/ls")).get("lastModifiedTime")).isEqualTo(FileTime.from(TarBuilder.TIME));
  }

  @Test
  void turnsWhiteoutsIntoOverlayWhiteoutsAndOpaqueDirectories() throws IOException {
    unpack(new TarBuilder()
        .file(".wh.gone", "")
        .dir("etc")
        .file("etc/.wh..wh..opq", "")
        .file("etc/hosts", "127.0.0.1")
        .build());

    assertThat(Trees.isWhiteout(upper.resolve("gone"))).isTrue();
    assertThat(upper.resolve(".wh.gone")).doesNotExist();
    assertThat(Trees.xattr(upper.resolve("etc"), "trusted.overlay.opaque")).isEqualTo("y");
    assertThat(upper.resolve("etc/.wh..wh..opq")).doesNotExist();
  }

  @Test
  void replacesWhatAnEarlierEntryWroteAndStripsLeadingSlashes() throws IOException {
    unpack(new TarBuilder()
        .file("/etc/motd", "old")
        .file("./etc/motd", "new")
        .build());

    assertThat(Files.readString(upper.resolve("etc/motd"))).isEqualTo("new");
  }
}
