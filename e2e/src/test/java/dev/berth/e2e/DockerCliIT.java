package dev.berth.e2e;

import static dev.berth.testsupport.Probes.quietly;
import static dev.berth.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.e2e.stack.BerthStack;
import dev.berth.e2e.stack.Cli;
import dev.berth.e2e.stack.Docker;
import dev.berth.testsupport.Probes;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed scenario and the everyday docker CLI commands against a stack started with
 * {@code ./berth up}: the first run of {@code httpd} pulls it on the CLI's 404 path and serves on
 * the published port; then ps, images, logs, exec (also {@code -it}), attached runs, the lifecycle
 * commands, tag/push/pull, events, stats, top, port, wait, prune and save/load.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DockerCliIT {

  @RegisterExtension
  static final BerthStack stack = BerthStack.shared();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Docker docker;
  private static long started;

  @TempDir
  static Path work;

  @BeforeAll
  static void pointTheCliAtTheGateway() {
    docker = stack.docker();
    started = Instant.now().getEpochSecond() - 1;
  }

  @Test
  @Order(1)
  void talksToTheDaemon() throws Exception {
    assertThat(docker.run("version", "--format", "{{.Server.APIVersion}} {{.Server.Os}}").assertSucceeded()
        .stdout()).isEqualTo("1.44 linux\n");
    assertThat(docker.run("info", "--format", "{{.OSType}} {{.NCPU}}").assertSucceeded().stdout())
        .startsWith("linux ");
  }

  @Test
  @Order(2)
  void runsHttpdPulledOnDemandAndServesItOnThePublishedPort() throws Exception {
    Cli.Result run = docker.run("run", "-d", "-p", "8020:80", "--name", "web", "httpd").assertSucceeded();

    assertThat(run.stderr()).contains("Unable to find image 'httpd:latest' locally");
    assertThat(run.stdout().strip()).matches("[0-9a-f]{64}");
    assertThat(eventually(() -> Probes.page("http://127.0.0.1:8020/"), body -> body.contains("It works!")))
        .contains("It works!");
    assertThat(docker.run("ps", "--format", "{{.Names}} {{.Image}} {{.Ports}} {{.Status}}").assertSucceeded()
        .stdout()).containsPattern("(?m)^web httpd 0\\.0\\.0\\.0:8020->80/tcp Up ");
    assertThat(docker.run("images", "--format", "{{.Repository}}:{{.Tag}}").assertSucceeded().stdout())
        .contains("httpd:latest");
  }

  @Test
  @Order(3)
  void pullsBusybox() throws Exception {
    assertThat(docker.run("pull", "busybox").assertSucceeded().stdout()).contains("busybox:latest");
    assertThat(docker.run("images", "busybox", "--format", "{{.Repository}}:{{.Tag}}").stdout())
        .isEqualTo("busybox:latest\n");
  }

  @Test
  @Order(4)
  void inspectsPortsTopAndStats() throws Exception {
    assertThat(docker.run("inspect", "--format", "{{.State.Running}} {{.Name}} {{.Config.Image}}", "web")
        .assertSucceeded().stdout()).isEqualTo("true /web httpd\n");
    assertThat(docker.run("port", "web").assertSucceeded().stdout()).contains("80/tcp -> 0.0.0.0:8020");
    assertThat(docker.run("top", "web").assertSucceeded().stdout()).contains("httpd -f -p 80");
    assertThat(docker.run("stats", "--no-stream", "--format", "{{.Name}}", "web").assertSucceeded().stdout())
        .isEqualTo("web\n");
  }

  @Test
  @Order(5)
  void execsWithAndWithoutATerminal() throws Exception {
    assertThat(docker.run("exec", "web", "cat", "/www/index.html").assertSucceeded().stdout()).contains("It works!");
    Path input = Files.writeString(work.resolve("stdin"), "piped through\n");
    assertThat(docker.runWithInput(input, "exec", "-i", "web", "cat").assertSucceeded().stdout())
        .isEqualTo("piped through\n");
    Cli.Result tty = docker.runOnTerminal("exec", "-it", "web", "sh", "-c", "tty; echo on-a-terminal");
    assertThat(tty.exitCode()).as(tty.stdout() + tty.stderr()).isZero();
    assertThat(tty.stdout()).contains("/dev/pts/").contains("on-a-terminal");
    assertThat(docker.run("exec", "web", "sh", "-c", "exit 4").exitCode()).isEqualTo(4);
  }

  @Test
  @Order(6)
  void runsAttachedPrintingOutputAndPassingTheExitCode() throws Exception {
    Cli.Result hi = docker.run("run", "--rm", "busybox", "echo", "hi").assertSucceeded();
    assertThat(hi.stdout()).isEqualTo("hi\n");
    Cli.Result failed = docker.run("run", "--rm", "--name", "failing", "busybox", "sh", "-c", "echo oops >&2; exit 3");
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.stderr()).contains("oops");
    assertThat(eventually(() -> names(), names -> !names.contains("failing"))).doesNotContain("failing");
    Cli.Result terminal = docker.runOnTerminal("run", "--rm", "-it", "busybox", "sh", "-c", "tty");
    assertThat(terminal.stdout()).contains("/dev/pts/");
  }

  @Test
  @Order(7)
  void showsLogsAndFollowsThemUntilTheContainerStops() throws Exception {
    docker.run("run", "-d", "--name", "talker", "busybox", "sh", "-c", "echo out; echo err >&2; sleep 1000")
        .assertSucceeded();
    Cli.Result logs = eventually(() -> quietly(() -> docker.run("logs", "talker")),
        result -> result.stdout().contains("out") && result.stderr().contains("err"));
    assertThat(logs.stdout()).isEqualTo("out\n");
    assertThat(logs.stderr()).isEqualTo("err\n");

    Path followed = work.resolve("follow");
    Process follow = docker.start(followed, "logs", "-f", "talker");
    docker.run("stop", "-t", "1", "talker").assertSucceeded();
    assertThat(follow.waitFor(30, TimeUnit.SECONDS)).as("logs -f ends when the container stops").isTrue();
    assertThat(follow.exitValue()).isZero();
    assertThat(Files.readString(followed)).contains("out").contains("err");
  }

  @Test
  @Order(8)
  void stopsStartsRestartsKillsAndRemoves() throws Exception {
    docker.run("run", "-d", "--name", "cycled", "busybox", "sleep", "1000").assertSucceeded();

    docker.run("stop", "-t", "1", "cycled").assertSucceeded();
    assertThat(status("cycled")).startsWith("Exited (137)");
    docker.run("start", "cycled").assertSucceeded();
    assertThat(status("cycled")).startsWith("Up");
    docker.run("restart", "-t", "1", "cycled").assertSucceeded();
    assertThat(status("cycled")).startsWith("Up");
    docker.run("kill", "cycled").assertSucceeded();
    assertThat(eventually(() -> quietly(() -> status("cycled")), s -> s.startsWith("Exited"))).startsWith("Exited (137)");
    docker.run("start", "cycled").assertSucceeded();
    assertThat(docker.run("rm", "-f", "cycled").assertSucceeded().stdout()).isEqualTo("cycled\n");
    assertThat(names()).doesNotContain("cycled");
  }

  @Test
  @Order(9)
  void waitsForTheExitCode() throws Exception {
    String id = docker.run("run", "-d", "--name", "waited", "busybox", "sh", "-c", "sleep 1; exit 7")
        .assertSucceeded().stdout().strip();
    assertThat(docker.run("wait", id).assertSucceeded().stdout()).isEqualTo("7\n");
  }

  @Test
  @Order(10)
  void tagsPushesRemovesAndPullsBackThroughTheRegistry() throws Exception {
    String copy = "127.0.0.1:5000/e2e/busybox:1";
    String id = docker.run("inspect", "--format", "{{.Id}}", "busybox").assertSucceeded().stdout().strip();
    docker.run("tag", "busybox", copy).assertSucceeded();
    assertThat(docker.run("push", copy).assertSucceeded().stdout()).containsPattern("1: digest: sha256:[0-9a-f]{64}");
    assertThat(docker.run("rmi", copy).assertSucceeded().stdout())
        .as("names in the default registry (Berth's own) show without it, as Docker Hub's do")
        .contains("Untagged: e2e/busybox:1");
    docker.run("pull", copy).assertSucceeded();
    assertThat(docker.run("inspect", "--format", "{{.Id}}", copy).assertSucceeded().stdout().strip()).isEqualTo(id);
  }

  @Test
  @Order(11)
  void savesAndLoadsAnImage() throws Exception {
    String copy = "127.0.0.1:5000/e2e/busybox:1";
    Path archive = work.resolve("busybox.tar");
    docker.run("save", "-o", archive.toString(), copy).assertSucceeded();
    docker.run("rmi", copy).assertSucceeded();
    assertThat(docker.run("load", "-i", archive.toString()).assertSucceeded().stdout())
        .contains("Loaded image: e2e/busybox:1");
  }

  @Test
  @Order(12)
  void replaysEventsSinceTheSuiteStarted() throws Exception {
    String until = Long.toString(Instant.now().getEpochSecond() + 1);
    assertThat(docker.run("events", "--since", Long.toString(started), "--until", until, "--filter", "container=web",
        "--format", "{{.Type}} {{.Action}}").assertSucceeded().stdout().lines())
        .containsSubsequence("container create", "container start");
    assertThat(docker.run("events", "--since", Long.toString(started), "--until", until, "--filter", "type=image",
        "--format", "{{.Action}} {{.Actor.ID}}").assertSucceeded().stdout().lines())
        .contains("pull httpd:latest", "pull busybox:latest", "tag " + imageId("busybox"));
  }

  @Test
  @Order(13)
  void prunesStoppedContainersAndUnusedImages() throws Exception {
    String talker = docker.run("inspect", "--format", "{{.Id}}", "talker").assertSucceeded().stdout().strip();
    assertThat(docker.run("container", "prune", "-f").assertSucceeded().stdout()).contains("Deleted Containers:")
        .contains(talker);
    assertThat(names()).doesNotContain("talker", "waited").contains("web");
    assertThat(docker.run("image", "prune", "-f").assertSucceeded().stdout()).contains("Total reclaimed space:");
  }

  private static String status(String name) throws IOException, InterruptedException {
    return docker.run("ps", "-a", "--filter", "name=^" + name + "$", "--format", "{{.Status}}").assertSucceeded()
        .stdout().strip();
  }

  private static String names() {
    return quietly(() -> docker.run("ps", "-a", "--format", "{{.Names}}").assertSucceeded().stdout());
  }

  private static String imageId(String name) throws IOException, InterruptedException {
    return docker.run("inspect", "--format", "{{.Id}}", name).assertSucceeded().stdout().strip();
  }
}
