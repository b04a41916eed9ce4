package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.LifecycleStack.Cli;
import dev.berth.testsupport.Hijack;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Docker's attach and exec stdin through engine-service, with a real image-service and node agent:
 * a raw socket speaking the hijack as the docker CLI does (create, attach, wait next-exit, start),
 * and the docker CLI 28.2 itself pointed at the engine.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DockerAttachIT {

  private static final String IMAGE = "it/busybox:attach";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  @RegisterExtension
  static final LifecycleStack stack = new LifecycleStack("t1", IMAGE);

  @Test
  void runsLikeTheCliAndReceivesTheOutputOfAContainerStartedAfterAttaching() throws Exception {
    String id = create("{\"Image\":\"" + IMAGE + "\",\"Cmd\":[\"echo\",\"hi\"],\"AttachStdout\":true,"
        + "\"AttachStderr\":true}");

    try (Hijack attach = Hijack.open(stack.engine.address(), "/v1.44/containers/" + id
        + "/attach?stderr=1&stdout=1&stream=1", null)) {
      assertThat(attach.status()).isEqualTo(101);
      // Tomcat writes no Content-Type on a 101; the CLI decides the stream's format from Tty alone
      assertThat(attach.head()).containsIgnoringCase("Upgrade: tcp").containsIgnoringCase("Connection: Upgrade");
      CompletableFuture<HttpResponse<InputStream>> await = waitNextExit(id);
      assertThat(await.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      stack.send("POST", "/v1.44/containers/" + id + "/start", null, 204);

      assertThat(attach.frames()).containsExactly("1:hi\n");
      assertThat(statusCode(await)).isZero();
    }
  }

  @Test
  void framesStdoutAndStderrApartAndEndsWithTheExitCode() throws Exception {
    String id = create("{\"Image\":\"" + IMAGE + "\",\"Cmd\":[\"sh\",\"-c\",\"echo out; echo err >&2; exit 3\"],"
        + "\"AttachStdout\":true,\"AttachStderr\":true}");

    try (Hijack attach = Hijack.open(stack.engine.address(), "/v1.44/containers/" + id
        + "/attach?stderr=1&stdout=1&stream=1", null)) {
      CompletableFuture<HttpResponse<InputStream>> await = waitNextExit(id);
      await.get(10, TimeUnit.SECONDS);
      stack.send("POST", "/v1.44/containers/" + id + "/start", null, 204);

      assertThat(attach.frames()).containsExactlyInAnyOrder("1:out\n", "2:err\n");
      assertThat(statusCode(await)).isEqualTo(3);
    }
  }

  @Test
  void feedsStdinToTheContainerUntilTheClientHalfCloses() throws Exception {
    String id = create("{\"Image\":\"" + IMAGE + "\",\"Cmd\":[\"cat\"],\"AttachStdin\":true,\"AttachStdout\":true,"
        + "\"AttachStderr\":true,\"OpenStdin\":true,\"StdinOnce\":true}");

    try (Hijack attach = Hijack.open(stack.engine.address(), "/v1.44/containers/" + id
        + "/attach?stderr=1&stdin=1&stdout=1&stream=1", null)) {
      attach.send("before start\n");
      CompletableFuture<HttpResponse<InputStream>> await = waitNextExit(id);
      await.get(10, TimeUnit.SECONDS);
      stack.send("POST", "/v1.44/containers/" + id + "/start", null, 204);
      assertThat(attach.frame()).isEqualTo("1:before start\n");
      attach.send("hello\n");
      assertThat(attach.frame()).isEqualTo("1:hello\n");
      attach.closeStdin();

      assertThat(attach.frames()).isEmpty();
      assertThat(statusCode(await)).isZero();
    }
  }

  @Test
  void replaysTheLogOfAnExitedContainerWithoutStreaming() throws Exception {
    String id = create("{\"Image\":\"" + IMAGE + "\",\"Cmd\":[\"sh\",\"-c\",\"echo logged\"]}");
    CompletableFuture<HttpResponse<InputStream>> await = waitNextExit(id);
    await.get(10, TimeUnit.SECONDS);
    stack.send("POST", "/v1.44/containers/" + id + "/start", null, 204);
    statusCode(await);

    try (Hijack attach = Hijack.open(stack.engine.address(), "/v1.44/containers/" + id + "/attach?logs=1&stdout=1", null)) {
      assertThat(attach.frames()).containsExactly("1:logged\n");
    }
  }

  @Test
  void feedsStdinToAnExec() throws Exception {
    String id = create("{\"Image\":\"" + IMAGE + "\",\"Cmd\":[\"sleep\",\"1000\"]}");
    stack.send("POST", "/v1.44/containers/" + id + "/start", null, 204);
    String exec = stack.send("POST", "/v1.44/containers/" + id + "/exec", "{\"AttachStdin\":true,"
        + "\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":false,\"Cmd\":[\"cat\"]}", 201).path("Id").asString();

    try (Hijack start = Hijack.open(stack.engine.address(), "/v1.44/exec/" + exec + "/start",
        "{\"Detach\":false,\"Tty\":false}")) {
      assertThat(start.status()).isEqualTo(101);
      start.send("to cat\n");
      assertThat(start.frame()).isEqualTo("1:to cat\n");
      start.closeStdin();
      assertThat(start.frames()).isEmpty();
    }
    assertThat(stack.send("GET", "/v1.44/exec/" + exec + "/json", null, 200).path("ExitCode").asInt()).isZero();
  }

  @Test
  void resizesOnlyKnownContainers() throws Exception {
    JsonNode refused = stack.send("POST", "/v1.44/containers/nosuch/resize?h=40&w=100", null, 404);
    assertThat(refused.path("message").asString()).isEqualTo("No such container: nosuch");
  }

  @Test
  void runsAndExecsWithTheDockerCli() throws Exception {
    Cli run = stack.docker("run", "--rm", IMAGE, "echo", "hi");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo("hi\n");

    Cli failing = stack.docker("run", "--name", "failing", IMAGE, "sh", "-c", "echo out; echo err >&2; exit 3");
    assertThat(failing.exitCode()).isEqualTo(3);
    assertThat(failing.stdout()).isEqualTo("out\n");
    assertThat(failing.stderr()).isEqualTo("err\n");

    Cli piped = stack.dockerWithInput("one\ntwo\n", "run", "-i", "--rm", IMAGE, "cat");
    assertThat(piped.exitCode()).as(piped.stderr()).isZero();
    assertThat(piped.stdout()).isEqualTo("one\ntwo\n");

    stack.docker("run", "-d", "--name", "sleeper", IMAGE, "sleep", "1000");
    Cli exec = stack.dockerWithInput("three\n", "exec", "-i", "sleeper", "cat");
    assertThat(exec.exitCode()).as(exec.stderr()).isZero();
    assertThat(exec.stdout()).isEqualTo("three\n");
  }

  private String create(String body) throws Exception {
    return stack.send("POST", "/v1.44/containers/create", body, 201).path("Id").asString();
  }

  private CompletableFuture<HttpResponse<InputStream>> waitNextExit(String id) {
    return stack.http().sendAsync(stack.request("POST", "/v1.44/containers/" + id + "/wait?condition=next-exit", null)
        .build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private static int statusCode(CompletableFuture<HttpResponse<InputStream>> await) throws Exception {
    try (InputStream body = await.get(30, TimeUnit.SECONDS).body()) {
      return JSON.readTree(new String(body.readAllBytes(), StandardCharsets.UTF_8)).path("StatusCode").asInt();
    }
  }
}
