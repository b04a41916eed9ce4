package dev.berth.node.busybox;

import dev.berth.testsupport.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OCI runtime bundle whose root filesystem holds only {@code /bin/busybox} (the host's static binary)
 * and its applets as symlinks; the config is {@code runc spec}'s default with the given process arguments,
 * no terminal, and the cgroup {@code /berth/<containerId>} as Berth uses.
 */
public final class BusyboxBundle {

  private static final List<String> APPLETS = List.of("sh", "echo", "printf", "sleep", "cat", "seq", "head", "dd");

  private BusyboxBundle() {
  }

  /** Creates the bundle in {@code dir} (which must exist) and returns {@code dir}. */
  public static Path create(Path dir, String containerId, String... args) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("rootfs/bin"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    for (String applet : APPLETS) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    Commands.run("runc", "spec", "--bundle", dir.toString());
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode config = (ObjectNode) mapper.readTree(dir.resolve("config.json").toFile());
    ObjectNode process = (ObjectNode) config.get("process");
    process.put("terminal", false);
    ArrayNode argv = process.putArray("args");
    for (String arg : args) {
      argv.add(arg);
    }
    ((ObjectNode) config.get("linux")).put("cgroupsPath", "/berth/" + containerId);
    mapper.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("config.json").toFile(), config);
    return dir;
  }
}
