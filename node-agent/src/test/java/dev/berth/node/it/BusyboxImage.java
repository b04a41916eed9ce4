package dev.berth.node.it;

import dev.berth.testsupport.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A busybox image imported into a real image-service: /bin/busybox with every applet, users root,
 * app (1000) and nobody, a web root at /www with index.html, and the Dockerfile changes given.
 */
final class BusyboxImage {

  static final String INDEX = "hello from busybox httpd\n";

  private BusyboxImage() {
  }

  /** Imports the image as {@code reference} and returns its manifest digest. */
  static String importInto(ServiceProcess imageService, String reference, String... changes)
      throws IOException, InterruptedException {
    String query = "reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8) + Arrays.stream(changes)
        .map(change -> "&change=" + URLEncoder.encode(change, StandardCharsets.UTF_8))
        .collect(Collectors.joining());
    HttpRequest request = HttpRequest.newBuilder(imageService.uri("/api/v1/images/import?" + query))
        .header("Content-Type", "application/x-tar")
        .POST(HttpRequest.BodyPublishers.ofByteArray(rootfs()))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode image = JsonMapper.builder().build().readTree(response.body());
    return image.path("manifestDigest").asString();
  }

  private static byte[] rootfs() throws IOException, InterruptedException {
    Process list = new ProcessBuilder("/bin/busybox", "--list").start();
    List<String> applets = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    list.waitFor();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (String dir : List.of("bin", "dev", "etc", "proc", "sys", "root", "home", "www", "var", "mnt")) {
        directory(tar, dir, 0755, 0);
      }
      directory(tar, "tmp", 01777, 0);
      directory(tar, "home/app", 0755, 1000);
      file(tar, "etc/passwd", """
          root:x:0:0:root:/root:/bin/sh
          app:x:1000:1000:app:/home/app:/bin/sh
          nobody:x:65534:65534:nobody:/nonexistent:/bin/false
          """);
      file(tar, "etc/group", """
          root:x:0:
          staff:x:50:app
          app:x:1000:
          nogroup:x:65534:
          """);
      file(tar, "www/index.html", INDEX);
      TarArchiveEntry busybox = new TarArchiveEntry("bin/busybox");
      busybox.setMode(0755);
      busybox.setSize(Files.size(Path.of("/bin/busybox")));
      tar.putArchiveEntry(busybox);
      Files.copy(Path.of("/bin/busybox"), tar);
      tar.closeArchiveEntry();
      for (String applet : applets) {
        if (!applet.isBlank() && !applet.equals("busybox")) {
          TarArchiveEntry link = new TarArchiveEntry("bin/" + applet, TarConstants.LF_SYMLINK);
          link.setLinkName("busybox");
          link.setMode(0777);
          tar.putArchiveEntry(link);
          tar.closeArchiveEntry();
        }
      }
    }
    return bytes.toByteArray();
  }

  private static void directory(TarArchiveOutputStream tar, String name, int mode, int owner) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name + "/");
    entry.setMode(mode);
    entry.setUserId(owner);
    entry.setGroupId(owner);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  private static void file(TarArchiveOutputStream tar, String name, String text) throws IOException {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(0644);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }
}
