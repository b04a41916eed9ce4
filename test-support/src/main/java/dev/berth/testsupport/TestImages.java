package dev.berth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small real images for tests: an OCI layout built with umoci from busybox-static, one layer with
 * {@code /bin/busybox} and one with a text file, pushed to registries with skopeo.
 */
public final class TestImages {

  private TestImages() {
  }

  /** Whether umoci, skopeo and busybox-static are installed. */
  public static boolean available() {
    return Commands.available("umoci") && Commands.available("skopeo") && Files.isExecutable(Path.of("/bin/busybox"));
  }

  /**
   * An OCI layout at {@code layout} (created when absent or an empty directory) with image {@code tag}: busybox plus {@code /etc/message}
   * holding {@code message} (so that different messages give different images).
   */
  public static Path busybox(Path layout, String tag, String message) {
    try {
      if (!Files.exists(layout.resolve("index.json"))) {
        Files.deleteIfExists(layout);
        Commands.run("umoci", "init", "--layout", layout.toString());
      }
      Commands.run("umoci", "new", "--image", layout + ":" + tag);
      Path root = Files.createTempDirectory("berth-rootfs");
      Files.createDirectories(root.resolve("bin"));
      Files.copy(Path.of("/bin/busybox"), root.resolve("bin/busybox"));
      Commands.run("umoci", "insert", "--image", layout + ":" + tag, root.toString(), "/");
      Path file = Files.createTempFile("berth-message", ".txt");
      Files.writeString(file, message, StandardCharsets.UTF_8);
      Commands.run("umoci", "insert", "--image", layout + ":" + tag, file.toString(), "/etc/message");
      Commands.run("umoci", "config", "--image", layout + ":" + tag, "--config.cmd", "/bin/busybox",
          "--config.cmd", "cat", "--config.cmd", "/etc/message");
      return layout;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies image {@code tag} of {@code layout} to {@code registry/repository:tag} over plain HTTP. */
  public static void push(Path layout, String tag, String registry, String repository, String... skopeoOptions) {
    String[] base = {"skopeo", "copy", "-q", "--dest-tls-verify=false"};
    String[] command = new String[base.length + skopeoOptions.length + 2];
    System.arraycopy(base, 0, command, 0, base.length);
    System.arraycopy(skopeoOptions, 0, command, base.length, skopeoOptions.length);
    command[command.length - 2] = "oci:" + layout + ":" + tag;
    command[command.length - 1] = "docker://" + registry + "/" + repository + ":" + tag;
    Commands.run(command);
  }
}
