package dev.berth.node.runtime;

import static dev.berth.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** conmon + runc for real, on a bundle made with {@code runc spec} over a busybox root filesystem. */
class ConmonIT {

  @TempDir
  Path dir;

  private OciRuntime runtime;
  private Conmon conmon;
  private final String id = "conmon-it-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void setUp() throws IOException {
    runtime = new OciRuntime("runc", Executables.find("runc").orElseThrow(), Files.createDirectories(dir.resolve("state")));
    conmon = new Conmon(Executables.find("conmon").orElseThrow(), runtime, Files.createDirectories(dir.resolve("s")));
  }

  @AfterEach
  void tearDown() throws IOException {
    runtime.delete(id, true);
  }

  @Test
  void runsAContainerThatOutlivesItsLauncherAndReportsItsExitCode() throws Exception {
    Path bundle = bundle("echo out; echo err >&2; exit 3");
    int pid = conmon.create(launch(bundle));

    assertThat(pid).isPositive();
    assertThat(runtime.state(id)).get().extracting(RuntimeState::status).isEqualTo("created");
    runtime.start(id);

    Path exitFile = dir.resolve("exits").resolve(id);
    awaitFile(exitFile);
    assertThat(Files.readString(exitFile)).isEqualTo("3");
    String log = Files.readString(bundle.resolve("ctr.log"));
    assertThat(log).containsPattern("stdout F out\n").containsPattern("stderr F err\n");
    assertThat(runtime.state(id)).get().extracting(RuntimeState::status).isEqualTo("stopped");
  }

  @Test
  void reportsWhyTheRuntimeCouldNotCreateTheContainer() throws Exception {
    Path bundle = bundle("true");
    ObjectNode config = (ObjectNode) JsonMapper.builder().build().readTree(bundle.resolve("config.json").toFile());
    ((ObjectNode) config.get("process")).set("args", JsonMapper.builder().build().createArrayNode().add("/no/such/program"));
    Files.writeString(bundle.resolve("config.json"), config.toString());

    assertThatThrownBy(() -> conmon.create(launch(bundle)))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("/no/such/program");
  }

  @Test
  void killsAndListsTheProcessesOfARunningContainer() throws Exception {
    Path bundle = bundle("sleep 60 & sleep 60");
    conmon.create(launch(bundle));
    runtime.start(id);

    // the shell forks its two children after the runtime's start returned
    assertThat(eventually(this::pids, pids -> pids.size() == 2)).hasSize(2);
    runtime.kill(id, "SIGKILL", false);
    awaitFile(dir.resolve("exits").resolve(id));
    assertThat(Files.readString(dir.resolve("exits").resolve(id))).isEqualTo("137");
  }

  private List<Integer> pids() {
    try {
      return runtime.pids(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Conmon.Launch launch(Path bundle) throws IOException {
    Files.createDirectories(dir.resolve("exits"));
    return new Conmon.Launch(id, id, bundle, dir.resolve("exits"),
        List.of("-l", "k8s-file:" + bundle.resolve("ctr.log")), false, false);
  }

  private Path bundle(String script) throws Exception {
    Path bundle = Files.createDirectories(dir.resolve("bundle"));
    Path bin = Files.createDirectories(bundle.resolve("rootfs/bin"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    for (String applet : List.of("sh", "echo", "sleep", "true")) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    Process spec = new ProcessBuilder("runc", "spec").directory(bundle.toFile()).start();
    assertThat(spec.waitFor()).isZero();
    JsonMapper json = JsonMapper.builder().build();
    ObjectNode config = (ObjectNode) json.readTree(bundle.resolve("config.json").toFile());
    ObjectNode process = (ObjectNode) config.get("process");
    process.put("terminal", false);
    ArrayNode args = json.createArrayNode().add("/bin/sh").add("-c").add(script);
    process.set("args", args);
    Files.writeString(bundle.resolve("config.json"), config.toString());
    return bundle;
  }

  private static void awaitFile(Path file) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!Files.exists(file) && Instant.now().isBefore(deadline)) {
      Thread.sleep(10);
    }
    assertThat(file).exists();
  }
}
