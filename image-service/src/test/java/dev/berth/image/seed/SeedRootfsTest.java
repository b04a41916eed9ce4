package dev.berth.image.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedRootfsTest {

  private static final FileTime MODIFIED = FileTime.from(Instant.parse("2024-05-01T12:00:00Z"));

  @TempDir
  Path dir;

  @Test
  void writesTheSameBytesEveryTime() throws IOException {
    Path busybox = busybox();
    Map<String, String> files = Map.of("www/index.html", "hi");

    assertThat(write(busybox, files)).isEqualTo(write(busybox, files));
  }

  @Test
  void linksEveryAppletToBusyboxNextToAMinimalRoot() throws IOException {
    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(write(busybox(),
        Map.of("www/index.html", "<h1>It works!</h1>"))))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        entries.put(entry.getName(), entry);
        if (entry.isFile()) {
          texts.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }

    assertThat(entries.keySet()).containsExactly("bin/", "bin/[", "bin/busybox", "bin/sh", "dev/", "etc/",
        "etc/group", "etc/passwd", "proc/", "root/", "sys/", "tmp/", "www/", "www/index.html");
    assertThat(entries.get("bin/sh").isSymbolicLink()).isTrue();
    assertThat(entries.get("bin/sh").getLinkName()).isEqualTo("busybox");
    assertThat(entries.get("bin/busybox").getMode()).isEqualTo(0755);
    assertThat(entries.get("tmp/").getMode()).isEqualTo(01777);
    assertThat(entries.get("root/").getMode()).isEqualTo(0700);
    assertThat(entries.values()).allSatisfy(entry -> {
      assertThat(entry.getLongUserId()).isZero();
      assertThat(entry.getUserName()).isEqualTo("root");
      assertThat(entry.getLastModifiedTime()).isEqualTo(MODIFIED);
    });
    assertThat(texts.get("bin/busybox")).isEqualTo("fake busybox");
    assertThat(texts.get("etc/passwd")).startsWith("root:x:0:0:root:/root:/bin/sh\n").contains("nobody:x:65534:");
    assertThat(texts.get("etc/group")).isEqualTo("root:x:0:\nnobody:x:65534:\n");
    assertThat(texts.get("www/index.html")).isEqualTo("<h1>It works!</h1>");
  }

  private Path busybox() throws IOException {
    return Files.writeString(dir.resolve("busybox"), "fake busybox");
  }

  private static byte[] write(Path busybox, Map<String, String> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SeedRootfs.write(out, busybox, List.of("sh", "[", "busybox", ""), files, MODIFIED);
    return out.toByteArray();
  }
}
