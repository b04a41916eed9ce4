package dev.berth.engine;

import static dev.berth.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.LifecycleStack.Cli;
import dev.berth.testsupport.StdFrames;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Docker API's lifecycle, logs, top, stats and exec endpoints of engine-service, with
 * a real image-service and node agent, driven by the docker CLI 28.2 where the command needs no
 * inspect (that endpoint is written elsewhere) and by HTTP otherwise.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DockerLifecycleIT {

  private static final String IMAGE = "it/busybox:dock";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  @RegisterExtension
  static final LifecycleStack stack = new LifecycleStack("d1", IMAGE);

  @Test
  void drivesTheLifecycleWithTheDockerCli() throws Exception {
    String id = stack.create("life", IMAGE, "sleep", "1000");

    assertThat(stack.docker("start", "life")).satisfies(cli -> assertThat(cli.stdout()).isEqualTo("life\n"));
    assertThat(state("life")).isEqualTo("running");
    assertThat(stack.docker("start", "life").exitCode()).as("304 counts as success").isZero();
    assertThat(stack.docker("pause", "life").exitCode()).isZero();
    assertThat(state("life")).isEqualTo("paused");
    assertThat(stack.docker("unpause", "life").exitCode()).isZero();
    assertThat(stack.docker("restart", "-t", "1", "life").exitCode()).isZero();
    assertThat(state("life")).isEqualTo("running");
    assertThat(stack.docker("rename", "life", "life2").exitCode()).isZero();

    Cli refused = stack.docker("rm", "life2");
    assertThat(refused.exitCode()).isOne();
    assertThat(refused.stderr()).contains("Error response from daemon: You cannot remove a running container " + id
        + ". Stop the container before attempting removal or force remove");

    assertThat(stack.docker("kill", "life2").stdout()).isEqualTo("life2\n");
    eventually(() -> stateQuietly(id), "exited"::equals);
    Cli notRunning = stack.docker("kill", "life2");
    assertThat(notRunning.exitCode()).isOne();
    assertThat(notRunning.stderr())
        .contains("Error response from daemon: Cannot kill container: life2: Container " + id + " is not running");

    assertThat(stack.docker("rm", "-f", "life2").stdout()).isEqualTo("life2\n");
    stack.send("GET", "/api/v1/containers/" + id, null, 404);
  }

  @Test
  void updatesTheLimitsOfARunningContainer() throws Exception {
    String id = stack.create("limited", IMAGE, "sleep", "1000");
    stack.docker("start", "limited");

    assertThat(stack.docker("update", "--memory", "64m", "--memory-swap", "-1", "--pids-limit", "30", "limited")
        .stdout()).isEqualTo("limited\n");

    assertThat(Files.readString(Path.of("/sys/fs/cgroup/memory/berth", id, "memory.limit_in_bytes")).strip())
        .isEqualTo("67108864");
    assertThat(Files.readString(Path.of("/sys/fs/cgroup/pids/berth", id, "pids.max")).strip()).isEqualTo("30");
  }

  @Test
  void stopsWithTheSignalAskedForAndAnswers304WhenStopped() throws Exception {
    String id = stack.create("stopper", IMAGE, "sh", "-c", "trap 'exit 7' INT; while true; do sleep 0.1; done");
    stack.docker("start", "stopper");

    assertThat(stack.docker("stop", "-s", "INT", "-t", "5", "stopper").stdout()).isEqualTo("stopper\n");
    assertThat(stack.container(id).path("exitCode").asInt()).isEqualTo(7);
    assertThat(stack.docker("stop", "stopper").exitCode()).as("304 counts as success").isZero();
    assertThat(stack.docker("wait", "stopper").stdout()).isEqualTo("7\n");
  }

  @Test
  void flushesTheWaitHeadersBeforeTheContainerStarts() throws Exception {
    stack.create("waiter", IMAGE, "sh", "-c", "sleep 0.5; exit 3");
    CompletableFuture<HttpResponse<InputStream>> await = stack.http().sendAsync(
        stack.request("POST", "/v1.44/containers/waiter/wait?condition=next-exit", null).build(),
        HttpResponse.BodyHandlers.ofInputStream());

    HttpResponse<InputStream> headers = await.get(10, TimeUnit.SECONDS);
    assertThat(headers.statusCode()).isEqualTo(200);
    assertThat(headers.headers().firstValue("Content-Type")).hasValue("application/json");
    stack.docker("start", "waiter");

    try (InputStream body = headers.body()) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8).strip())
          .isEqualTo("{\"StatusCode\":3,\"Error\":null}");
    }
  }

  @Test
  void streamsLogsAsFramesWithTimestampsAndTail() throws Exception {
    String id = stack.create("talker", IMAGE, "sh", "-c", "echo one; echo two >&2; echo three; sleep 1000");
    stack.docker("start", "talker");
    eventually(() -> logFrames(id, "stdout=1&stderr=1").size(), size -> size == 3);

    List<String> frames = logFrames(id, "stdout=1&stderr=1");
    assertThat(frames).containsExactlyInAnyOrder("1:one\n", "2:two\n", "1:three\n");
    assertThat(frames).filteredOn(frame -> frame.startsWith("1:")).containsExactly("1:one\n", "1:three\n");
    assertThat(logFrames(id, "stdout=1&stderr=1&tail=1")).containsExactly(frames.getLast());
    assertThat(logFrames(id, "stdout=1")).containsExactly("1:one\n", "1:three\n");
    List<String> stamped = logFrames(id, "stdout=1&stderr=1&timestamps=1&tail=1");
    assertThat(stamped).singleElement().asString()
        .matches("[12]:\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z (one|two|three)\n")
        .endsWith(frames.getLast().substring(2));
    HttpResponse<byte[]> response = stack.http().send(stack.request("GET", "/v1.44/containers/" + id
        + "/logs?stdout=1&stderr=1", null).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.docker.multiplexed-stream");
  }

  @Test
  void followsLogsUntilTheContainerStops() throws Exception {
    String id = stack.create("ticker", IMAGE, "sh", "-c", "while true; do echo tick; sleep 0.2; done");
    stack.docker("start", "ticker");
    HttpResponse<InputStream> response = stack.http().send(stack.request("GET", "/v1.44/containers/" + id
        + "/logs?stdout=1&stderr=1&follow=1", null).build(), HttpResponse.BodyHandlers.ofInputStream());
    try (DataInputStream frames = new DataInputStream(response.body())) {
      assertThat(StdFrames.next(frames)).isEqualTo("1:tick\n");
      assertThat(StdFrames.next(frames)).isEqualTo("1:tick\n");
      stack.docker("stop", "-t", "1", "ticker");
      List<String> rest = new ArrayList<>();
      for (String frame = StdFrames.next(frames); frame != null; frame = StdFrames.next(frames)) {
        rest.add(frame);
      }
      assertThat(rest).allMatch("1:tick\n"::equals);
    }
  }

  @Test
  void showsProcessesAndStatsThroughTheDockerCli() throws Exception {
    stack.create("busy", IMAGE, "sleep", "1000");
    stack.docker("start", "busy");

    Cli top = stack.docker("top", "busy");
    assertThat(top.stdout()).contains("PID").contains("sleep 1000");
    Cli stats = stack.docker("stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}} {{.PIDs}}", "busy");
    assertThat(stats.exitCode()).as(stats.stderr()).isZero();
    assertThat(stats.stdout()).matches("busy [0-9.]+[KMG]?i?B / [0-9.]+[KMG]i?B 1\n");

    JsonNode oneShot = stack.send("GET", "/v1.44/containers/busy/stats?stream=0&one-shot=1", null, 200);
    assertThat(oneShot.path("name").asString()).isEqualTo("/busy");
    assertThat(oneShot.path("preread").asString()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(oneShot.path("cpu_stats").path("online_cpus").asInt()).isPositive();
  }

  @Test
  void streamsAStatsReadingEverySecondWithThePreviousAsPrecpu() throws Exception {
    String id = stack.create("streamed", IMAGE, "sleep", "1000");
    stack.docker("start", "streamed");
    HttpResponse<InputStream> response = stack.http().send(stack.request("GET", "/v1.44/containers/" + id
        + "/stats?stream=1", null).build(), HttpResponse.BodyHandlers.ofInputStream());

    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      JsonNode first = JSON.readTree(lines.readLine());
      JsonNode second = JSON.readTree(lines.readLine());
      assertThat(first.path("preread").asString()).isEqualTo("0001-01-01T00:00:00Z");
      assertThat(second.path("preread").asString()).isEqualTo(first.path("read").asString());
      assertThat(second.path("precpu_stats").path("cpu_usage").path("total_usage").asLong())
          .isEqualTo(first.path("cpu_stats").path("cpu_usage").path("total_usage").asLong());
      assertThat(second.path("memory_stats").path("usage").asLong()).isPositive();
    }
  }

  @Test
  void startsADetachedExecWithAnEmptyAnswer() throws Exception {
    String id = stack.create("detached", IMAGE, "sleep", "1000");
    stack.docker("start", "detached");
    String exec = execCreate(id, "[\"sh\", \"-c\", \"exit 2\"]");

    HttpResponse<String> started = stack.http().send(stack.request("POST", "/v1.44/exec/" + exec + "/start",
        "{\"Detach\":true,\"Tty\":false}").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(started.statusCode()).isEqualTo(200);
    assertThat(started.headers().firstValue("Content-Length")).hasValue("0");
    JsonNode done = eventually(() -> execQuietly(exec), inspected -> !inspected.path("ExitCode").isNull());
    assertThat(done.path("ExitCode").asInt()).isEqualTo(2);
  }

  @Test
  void runsAnExecStreamedAndOverAnUpgradedConnection() throws Exception {
    String id = stack.create("execs", IMAGE, "sleep", "1000");
    stack.docker("start", "execs");

    String plain = execCreate(id, "[\"sh\", \"-c\", \"echo hi; echo oops >&2; exit 4\"]");
    HttpResponse<byte[]> started = stack.http().send(stack.request("POST", "/v1.44/exec/" + plain + "/start",
        "{\"Detach\":null,\"Tty\":null}").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(started.headers().firstValue("Content-Type")).hasValue("application/vnd.docker.multiplexed-stream");
    assertThat(StdFrames.all(started.body())).containsExactlyInAnyOrder("1:hi\n", "2:oops\n");
    JsonNode inspected = stack.send("GET", "/v1.44/exec/" + plain + "/json", null, 200);
    assertThat(inspected.path("ExitCode").asInt()).isEqualTo(4);
    assertThat(inspected.path("Running").asBoolean()).isFalse();
    assertThat(inspected.path("ProcessConfig").path("entrypoint").asString()).isEqualTo("sh");
    assertThat(inspected.path("ContainerID").asString()).isEqualTo(id);

    String upgraded = execCreate(id, "[\"echo\", \"hi\"]");
    try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(stack.engine.address().replaceAll(".*:", "")))) {
      socket.setSoTimeout(30_000);
      String body = "{\"Detach\":false,\"Tty\":false}";
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1.44/exec/" + upgraded + "/start HTTP/1.1\r\nHost: engine\r\nConnection: Upgrade\r\n"
          + "Upgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] all = socket.getInputStream().readAllBytes();
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      assertThat(text).startsWith("HTTP/1.1 101");
      assertThat(text.substring(0, end)).containsIgnoringCase("Upgrade: tcp").containsIgnoringCase("Connection: Upgrade");
      byte[] stream = Arrays.copyOfRange(all, end + 4, all.length);
      assertThat(StdFrames.all(stream)).containsExactly("1:hi\n");
    }
    assertThat(stack.send("GET", "/exec/" + upgraded + "/json", null, 200).path("ExitCode").asInt()).isZero();
    stack.send("POST", "/exec/" + upgraded + "/resize?h=40&w=100", null, 200);
    stack.send("GET", "/exec/nosuch/json", null, 404);
  }

  @Test
  void refusesAnExecInAContainerThatDoesNotRun() throws Exception {
    String id = stack.create("idle", IMAGE, "true");
    JsonNode refused = stack.send("POST", "/containers/idle/exec", "{\"Cmd\":[\"echo\"]}", 409);
    assertThat(refused.path("message").asString()).isEqualTo("Container " + id + " is not running");
  }

  @Test
  void prunesStoppedContainersThroughTheDockerCli() throws Exception {
    String stopped = stack.create("pruned", IMAGE, "true");
    String running = stack.create("kept", IMAGE, "sleep", "1000");
    stack.docker("start", "kept");

    Cli prune = stack.docker("container", "prune", "-f");

    assertThat(prune.stdout()).contains("Deleted Containers:\n").contains(stopped).doesNotContain(running)
        .contains("Total reclaimed space: 0B");
    stack.send("GET", "/api/v1/containers/" + stopped, null, 404);
  }

  private String execCreate(String container, String cmd) throws Exception {
    return stack.send("POST", "/v1.44/containers/" + container + "/exec",
        "{\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":null,\"Cmd\":" + cmd + "}", 201).path("Id").asString();
  }

  private JsonNode execQuietly(String exec) {
    try {
      return stack.send("GET", "/exec/" + exec + "/json", null, 200);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String state(String reference) throws Exception {
    return stack.container(reference).path("state").asString();
  }

  private String stateQuietly(String reference) {
    try {
      return state(reference);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> logFrames(String id, String query) {
    try {
      HttpResponse<byte[]> response = stack.http().send(stack.request("GET", "/v1.44/containers/" + id
          + "/logs?" + query, null).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      return StdFrames.all(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
