package dev.berth.node.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers crafted to write outside the snapshot. The upper directory is {@code <tmp>/root/fs}; the
 * sentinel directory {@code <tmp>/outside} holds one file and must stay exactly as it was.
 */
class HostileLayerTest {

  @TempDir
  Path dir;
  Path upper;
  Path lower;
  Path outside;

  @BeforeEach
  void layout() throws IOException {
    upper = Files.createDirectories(dir.resolve("root/fs"));
    lower = Files.createDirectories(dir.resolve("root/lower"));
    outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("target"), "untouched");
  }

  @AfterEach
  void nothingWasWrittenOutside() throws IOException {
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files.toList()).containsExactly(outside.resolve("target"));
    }
    assertThat(Files.readString(outside.resolve("target"))).isEqualTo("untouched");
    assertThat(Files.getAttribute(outside.resolve("target"), "unix:nlink")).isEqualTo(1);
    assertThat(Files.getAttribute(Path.of("/etc/passwd"), "unix:nlink")).isEqualTo(1);
  }

  private void unpack(byte[] tar) throws IOException {
    new TarUnpacker(1 << 20).unpack(new ByteArrayInputStream(tar), new LayerDirs(upper, List.of(lower)));
  }

  /** The sentinel's absolute path as a tar name below the root, e.g. {@code tmp/junit1/outside}. */
  private String outsideFromRoot() {
    return outside.toString().substring(1);
  }

  @Test
  void refusesParentDirectoryComponents() {
    assertThatThrownBy(() -> unpack(new TarBuilder().file("../../outside/x", "escaped").build()))
        .isInstanceOf(UnsafeEntryException.class).hasMessageContaining("\"..\" component");
    assertThatThrownBy(() -> unpack(new TarBuilder().file("a/../../../outside/x", "escaped").build()))
        .isInstanceOf(UnsafeEntryException.class).hasMessageContaining("\"..\" component");
  }

  @Test
  void keepsAbsoluteNamesInsideTheSnapshot() throws IOException {
    unpack(new TarBuilder().file("/" + outsideFromRoot() + "/x", "inside").build());

    assertThat(upper.resolve(outsideFromRoot()).resolve("x")).hasContent("inside");
  }

  @Test
  void refusesWritingThroughASymlinkToTheRoot() {
    assertThatThrownBy(() -> unpack(new TarBuilder()
        .symlink("link", "/")
        .file("link/" + outsideFromRoot() + "/x", "escaped")
        .build()))
        .isInstanceOf(UnsafeEntryException.class).hasMessageContaining("its parent link is a symbolic link");
  }

  @Test
  void refusesWritingThroughARelativeSymlinkOut() {
    assertThatThrownBy(() -> unpack(new TarBuilder()
        .symlink("link", "../../outside")
        .file("link/x", "escaped")
        .build()))
        .isInstanceOf(UnsafeEntryException.class).hasMessageContaining("symbolic link");
  }

  @Test
  void refusesWritingThroughASymlinkChain() {
    assertThatThrownBy(() -> unpack(new TarBuilder()
        .dir("d")
        .symlink("d/a", "b")
        .symlink("d/b", "../../..")
        .file("d/a/outside/x", "escaped")
        .build()))
        .isInstanceOf(UnsafeEntryException.class).hasMessageContaining("its parent d/a is a symbolic link");
  }

  @Test
  void refusesWritingThroughASymlinkOfALowerLayer() throws IOException {
    Files.createSymbolicLink(lower.resolve("link"), Path.of("../../outside"));

    assertThatThrownBy(() -> unpack(new TarBuilder().file("link/x", "escaped").build()))
        .isInstanceOf(UnsafeEntryException.class).hasMessageContaining("symbolic link in a lower layer");
  }

  @Test
  void refusesAHardLinkToAHostFile() {
    assertThatThrownBy(() -> unpack(new TarBuilder().hardLink("passwd", "/etc/passwd").build()))
        .isInstanceOf(IOException.class).hasMessageContaining("passwd");
    assertThatThrownBy(() -> unpack(new TarBuilder().hardLink("t", "../../outside/target").build()))
        .isInstanceOf(UnsafeEntryException.class).hasMessageContaining("\"..\" component");
  }

  @Test
  void refusesAHardLinkThroughASymlink() {
    assertThatThrownBy(() -> unpack(new TarBuilder()
        .symlink("link", "../../outside")
        .hardLink("t", "link/target")
        .build()))
        .isInstanceOf(UnsafeEntryException.class).hasMessageContaining("its parent link is a symbolic link");
  }

  @Test
  void refusesAHardLinkToASymlinkPointingOut() {
    assertThatThrownBy(() -> unpack(new TarBuilder()
        .symlink("s", "/etc/passwd")
        .hardLink("h", "s")
        .build()))
        .isInstanceOf(UnsafeEntryException.class).hasMessageContaining("hard link to the symbolic link s");
  }

  @Test
  void refusesAnEntryLargerThanTheLimit() {
    byte[] tar = withSize(new TarBuilder().file("huge", "x").build(), 1L << 50);

    assertThatThrownBy(() -> unpack(tar))
        .isInstanceOf(UnsafeEntryException.class).hasMessageContaining((1L << 50) + " bytes, more than the limit");
  }

  @Test
  void refusesAnEntryLargerThanTheFreeDiskSpace() {
    byte[] tar = withSize(new TarBuilder().file("huge", "x").build(), 1L << 50);

    assertThatThrownBy(() -> new TarUnpacker(Long.MAX_VALUE).unpack(new ByteArrayInputStream(tar),
        new LayerDirs(upper, List.of())))
        .isInstanceOf(UnsafeEntryException.class).hasMessageContaining("more than the free disk space");
    assertThat(upper.resolve("huge")).doesNotExist();
  }

  @Test
  void refusesAWhiteoutOfTheParentDirectory() {
    assertThatThrownBy(() -> unpack(new TarBuilder().file("a/.wh...", "").build()))
        .isInstanceOf(UnsafeEntryException.class).hasMessageContaining("names no file");
    assertThat(Files.exists(upper, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  /** The tar with the size field of its first header set to {@code size} in base-256, checksum fixed. */
  private static byte[] withSize(byte[] tar, long size) {
    byte[] copy = Arrays.copyOf(tar, tar.length);
    Arrays.fill(copy, 124, 136, (byte) 0);
    copy[124] = (byte) 0x80;
    for (int i = 0; i < 8; i++) {
      copy[135 - i] = (byte) (size >>> (8 * i));
    }
    Arrays.fill(copy, 148, 156, (byte) ' ');
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += copy[i] & 0xff;
    }
    byte[] checksum = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(checksum, 0, copy, 148, 8);
    return copy;
  }
}
