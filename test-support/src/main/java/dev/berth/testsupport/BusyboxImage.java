package dev.berth.testsupport;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A busybox image imported into a real image-service: /bin/busybox with a symlink per applet,
 * users root, app (1000, also in group staff) and nobody, a web root at /www with
 * {@link #INDEX}, and the Dockerfile changes given. The root filesystem is packed with tar.
 */
public final class BusyboxImage {

  /** The content of /www/index.html. */
  public static final String INDEX = "hello from busybox httpd\n";

  private static final Pattern MANIFEST_DIGEST = Pattern.compile("\"manifestDigest\"\\s*:\\s*\"([^\"]+)\"");

  private BusyboxImage() {
  }

  /** Imports the image as {@code reference} and returns its manifest digest. */
  public static String importInto(ServiceProcess imageService, String reference, String... changes)
      throws IOException, InterruptedException {
    String query = "reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8) + Arrays.stream(changes)
        .map(change -> "&change=" + URLEncoder.encode(change, StandardCharsets.UTF_8))
        .collect(Collectors.joining());
    HttpRequest request = HttpRequest.newBuilder(imageService.uri("/api/v1/images/import?" + query))
        .header("Content-Type", "application/x-tar")
        .POST(HttpRequest.BodyPublishers.ofByteArray(rootfs()))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    Matcher digest = MANIFEST_DIGEST.matcher(response.body());
    if (response.statusCode() != 201 || !digest.find()) {
      throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
    }
    return digest.group(1);
  }

  private static byte[] rootfs() throws IOException, InterruptedException {
    Path root = Files.createTempDirectory("busybox-rootfs");
    try {
      for (String dir : List.of("bin", "dev", "etc", "proc", "sys", "root", "home/app", "www", "var", "mnt", "tmp")) {
        Files.createDirectories(root.resolve(dir));
      }
      Files.copy(Path.of("/bin/busybox"), root.resolve("bin/busybox"));
      Files.writeString(root.resolve("etc/passwd"), """
          root:x:0:0:root:/root:/bin/sh
          app:x:1000:1000:app:/home/app:/bin/sh
          nobody:x:65534:65534:nobody:/nonexistent:/bin/false
          """);
      Files.writeString(root.resolve("etc/group"), """
          root:x:0:
          staff:x:50:app
          app:x:1000:
          nogroup:x:65534:
          """);
      Files.writeString(root.resolve("www/index.html"), INDEX);
      for (String applet : Commands.run("/bin/busybox", "--list").lines().toList()) {
        if (!applet.isBlank() && !applet.equals("busybox")) {
          Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
        }
      }
      Commands.run("chmod", "1777", root.resolve("tmp").toString());
      Commands.run("chown", "1000:1000", root.resolve("home/app").toString());
      Path tar = Files.createTempFile("busybox-rootfs", ".tar");
      try {
        Commands.run("tar", "--numeric-owner", "-C", root.toString(), "-cf", tar.toString(), ".");
        return Files.readAllBytes(tar);
      } finally {
        Files.deleteIfExists(tar);
      }
    } finally {
      Commands.run("rm", "-rf", root.toString());
    }
  }
}
