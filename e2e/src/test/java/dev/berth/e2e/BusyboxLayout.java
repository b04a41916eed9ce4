package dev.berth.e2e;

import dev.berth.testsupport.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A multi-layer OCI image layout built with umoci from the host's busybox-static, no network
 * needed. Tag {@value #FIRST}: {@code /bin/busybox}, then a layer of small files under
 * {@code /etc}, then a layer with 256 KiB of random bytes. Tag {@value #SECOND}: the same plus
 * one more layer, so its manifest differs.
 */
final class BusyboxLayout {

  static final String FIRST = "1";
  static final String SECOND = "2";

  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final Path BUSYBOX = Path.of("/bin/busybox");

  private BusyboxLayout() {
  }

  /** Builds the layout at {@code work/layout}, staging its files under {@code work/stage}. */
  static Path build(Path work) throws IOException {
    Path layout = work.resolve("layout");
    Path stage = Files.createDirectories(work.resolve("stage"));
    String first = layout + ":" + FIRST;
    String second = layout + ":" + SECOND;

    umoci("init", "--layout", layout.toString());
    umoci("new", "--image", first);
    umoci("insert", "--image", first, BUSYBOX.toString(), "/bin/busybox");
    umoci("insert", "--image", first, etc(stage).toString(), "/etc");
    umoci("insert", "--image", first, randomFile(stage.resolve("data.bin"), 256 * 1024).toString(),
        "/srv/data.bin");
    umoci("config", "--image", first, "--os", "linux", "--architecture", "amd64",
        "--config.env", "PATH=/bin", "--config.cmd", "/bin/busybox", "--config.cmd", "sh");
    umoci("tag", "--image", first, SECOND);
    Path release = Files.writeString(stage.resolve("release"), "berth e2e " + SECOND + "\n");
    umoci("insert", "--image", second, release.toString(), "/etc/release");
    umoci("gc", "--layout", layout.toString());
    return layout;
  }

  private static Path etc(Path stage) throws IOException {
    Path etc = Files.createDirectories(stage.resolve("etc"));
    Files.writeString(etc.resolve("hostname"), "berth\n");
    Files.writeString(etc.resolve("motd"), "built by umoci for the Berth e2e suite\n");
    return etc;
  }

  private static Path randomFile(Path file, int size) throws IOException {
    byte[] content = new byte[size];
    new Random(size).nextBytes(content);
    return Files.write(file, content);
  }

  private static void umoci(String... arguments) {
    List<String> command = new ArrayList<>(List.of("umoci"));
    command.addAll(List.of(arguments));
    Commands.result(TIMEOUT, command).assertSucceeded();
  }
}
