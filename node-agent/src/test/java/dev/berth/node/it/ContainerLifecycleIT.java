package dev.berth.node.it;

import static dev.berth.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.node.api.NodeEvent;
import dev.berth.node.api.ContainerStatus;
import dev.berth.node.api.ContainerUpdate;
import dev.berth.node.api.ExecSpec;
import dev.berth.node.api.ExecStatus;
import dev.berth.node.api.LogEntry;
import dev.berth.node.api.NodeAgentClient;
import dev.berth.node.api.PortBinding;
import dev.berth.node.api.Resources;
import dev.berth.node.api.RestartPolicy;
import dev.berth.node.api.WaitResult;
import dev.berth.testsupport.BusyboxImage;
import dev.berth.testsupport.Probes;
import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import dev.berth.testsupport.StdFrames;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.HttpClientErrorException;

/** Real containers from a busybox image served by a real image-service, through the agent's HTTP API. */
class ContainerLifecycleIT {

  @RegisterExtension
  @Order(1)
  static final ServiceProcess imageService = ServiceProcess.of(ServiceJar.IMAGE_SERVICE);

  @RegisterExtension
  @Order(2)
  static final EventSink events = new EventSink();

  static final AgentUnderTest node = new AgentUnderTest(imageService,
      () -> List.of("--berth.node.report-url=" + events.url()));

  @RegisterExtension
  @Order(3)
  static final ServiceProcess agent = node.process();

  private static NodeAgentClient client;
  private static String image;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void importBusybox() throws Exception {
    image = BusyboxImage.importInto(imageService, "it/busybox:1", "CMD [\"sh\"]", "ENV GREETING=hello");
    client = node.client();
  }

  @AfterAll
  static void removeContainers() {
    node.cleanUp();
  }

  @Test
  void reportsTheExitCodeOfItsMainProcess() throws Exception {
    String id = run(Specs.shell(image, "exit 3"));

    assertThat(client.await(id, null)).isEqualTo(new WaitResult(3, false));
    assertThat(client.inspect(id)).extracting(ContainerStatus::state, ContainerStatus::exitCode)
        .containsExactly("exited", 3);
  }

  @Test
  void runsItsProcessWithTheGivenEnvironmentUserAndWorkingDirectory() throws Exception {
    String id = run(Specs.shell(image, "echo \"$GREETING $FOO $(id -u):$(id -g) $(pwd) $(hostname)\"")
        .env("FOO=bar").user("app").workingDir("/tmp"));

    client.await(id, null);
    assertThat(lines(id, "stdout")).containsExactly("hello bar 1000:1000 /tmp " + id.substring(0, 12));
  }

  @Test
  void runsEveryContainerUnderTheSeccompFilterAlsoWhenItsCompiledFormIsReused() throws Exception {
    for (int i = 0; i < 3; i++) {
      String id = run(Specs.shell(image, "grep -E '^Seccomp(_filters)?:' /proc/self/status; mount -t tmpfs t /mnt"));

      assertThat(client.await(id, null).exitCode()).as("mount refused").isNotZero();
      assertThat(lines(id, "stdout")).as("run %d", i).containsExactly("Seccomp:\t2", "Seccomp_filters:\t1");
    }
  }

  @Test
  void aContainerWithoutANetworkHasOnlyLoopbackUp() throws Exception {
    String id = run(Specs.shell(image, "ip -o link | cut -d' ' -f2,3"));

    client.await(id, null);
    assertThat(lines(id, "stdout")).containsExactly("lo: <LOOPBACK,UP,LOWER_UP>");
  }

  @Test
  void keepsStdoutAndStderrApartInItsLog() throws Exception {
    String id = run(Specs.shell(image, "echo to-out; echo to-err >&2; echo again-out"));

    client.await(id, null);
    assertThat(lines(id, "stdout")).containsExactly("to-out", "again-out");
    assertThat(lines(id, "stderr")).containsExactly("to-err");
  }

  @Test
  void servesAPublishedPortFromBusyboxHttpd() throws Exception {
    String id = run(Specs.of(image, "httpd", "-f", "-p", "80", "-h", "/www").bridge(new PortBinding(80, "tcp", "", 0)));

    int port = client.inspect(id).network().ports().getFirst().hostPort();
    assertThat(port).isPositive();
    assertThat(eventually(() -> Probes.page("http://127.0.0.1:" + port + "/index.html"), BusyboxImage.INDEX::equals))
        .isEqualTo(BusyboxImage.INDEX);
  }

  @Test
  void letsContainersReachEachOtherOnTheBridge() throws Exception {
    String server = run(Specs.of(image, "httpd", "-f", "-p", "80", "-h", "/www").bridge());
    String address = client.inspect(server).network().ipAddress();

    String fetcher = run(Specs.shell(image, "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O - http://" + address
        + "/index.html && exit 0; sleep 0.2; done; exit 1").bridge());

    assertThat(client.await(fetcher, null).exitCode()).isZero();
    assertThat(lines(fetcher, "stdout")).containsExactly(BusyboxImage.INDEX.strip());
  }

  @Test
  void reportsAContainerKilledForExceedingItsMemoryLimit() throws Exception {
    long limit = 16L * 1024 * 1024;
    String id = run(Specs.of(image, "tail", "/dev/zero")
        .resources(new Resources(limit, limit, 0, 0, 0, 0, null, null, 0)));

    WaitResult result = client.await(id, null);
    assertThat(result).isEqualTo(new WaitResult(137, true));
    assertThat(client.inspect(id).oomKilled()).isTrue();
  }

  @Test
  void changesTheLimitsOfARunningContainer() throws Exception {
    String id = run(Specs.of(image, "sleep", "1000"));

    ContainerStatus updated = client.update(id, new ContainerUpdate(
        new Resources(32L * 1024 * 1024, -1, 0, 0, 0, 0, null, null, 20), new RestartPolicy("always", 0)));

    assertThat(Files.readString(cgroup("memory", id, "memory.limit_in_bytes")).strip()).isEqualTo("33554432");
    assertThat(Files.readString(cgroup("pids", id, "pids.max")).strip()).isEqualTo("20");
    assertThat(updated.spec().host().restartPolicy().name()).isEqualTo("always");
  }

  @Test
  void refusesForksBeyondItsPidsLimit() throws Exception {
    String id = run(Specs.shell(image, "for i in $(seq 1 40); do sleep 30 & done; echo started")
        .resources(new Resources(0, 0, 0, 0, 0, 0, null, null, 10)));

    client.await(id, null);
    assertThat(String.join("\n", lines(id, "stderr"))).contains("can't fork");
  }

  @Test
  void killsAContainerThatIgnoresItsStopSignalAfterTheTimeout() throws Exception {
    String id = run(Specs.of(image, "sleep", "1000"));

    Instant before = Instant.now();
    ContainerStatus stopped = client.stop(id, 1);

    assertThat(stopped.state()).isEqualTo("exited");
    assertThat(stopped.exitCode()).isEqualTo(137);
    assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void stopsAContainerThatHandlesItsStopSignal() throws Exception {
    String id = run(Specs.shell(image, "trap 'exit 0' TERM; while true; do sleep 0.1; done"));

    ContainerStatus stopped = client.stop(id, 30);

    assertThat(stopped.exitCode()).isZero();
    assertThat(stopped.finishedAt()).isAfter(stopped.startedAt());
  }

  @Test
  void runsAnExecAndReportsItsOutputAndExitCode() throws Exception {
    String id = run(Specs.of(image, "sleep", "1000"));

    ExecStatus exec = client.createExec(id, new ExecSpec(List.of("sh", "-c", "echo out; echo err >&2; exit 5"),
        List.of(), "app", "/tmp", false, false));
    byte[] output = http.send(HttpRequest.newBuilder(agent.uri("/api/v1/execs/" + exec.id() + "/start"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray()).body();

    assertThat(frames(output, 1)).isEqualTo("out\n");
    assertThat(frames(output, 2)).isEqualTo("err\n");
    assertThat(client.inspectExec(exec.id())).extracting(ExecStatus::running, ExecStatus::exitCode)
        .containsExactly(false, 5);
  }

  @Test
  void runsAnExecOnATerminal() throws Exception {
    String id = run(Specs.of(image, "sleep", "1000"));

    ExecStatus exec = client.createExec(id, new ExecSpec(List.of("sh", "-c", "tty; echo $TERM; exit 4"), List.of(),
        null, null, true, false));
    HttpResponse<String> output = http.send(HttpRequest.newBuilder(agent.uri("/api/v1/execs/" + exec.id() + "/start"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(output.headers().firstValue("Content-Type")).hasValue("application/vnd.docker.raw-stream");
    assertThat(output.body()).contains("/dev/pts/").contains("xterm");
    assertThat(client.inspectExec(exec.id()).exitCode()).isEqualTo(4);
  }

  @Test
  void reportsStateChangesInOrderRetryingUntilAcknowledged() throws Exception {
    String id = run(Specs.shell(image, "exit 9"));
    client.await(id, null);

    List<NodeEvent> mine = eventually(() -> events.received().stream()
        .filter(event -> event.aboutContainer() && event.actorId().equals(id)).toList(), list -> list.size() >= 3);
    assertThat(mine).extracting(NodeEvent::action).containsExactly("create", "start", "die");
    assertThat(eventually(() -> events.received().stream()
        .filter(event -> id.equals(event.attributes().get("container"))).toList(), list -> list.size() >= 2))
        .extracting(NodeEvent::type, NodeEvent::action, NodeEvent::actorId)
        .containsExactly(tuple("network", "connect", "none"), tuple("network", "disconnect", "none"));
    assertThat(mine.getLast().exitCode()).isEqualTo(9);
    assertThat(events.requests()).as("the refused first report was sent again").isGreaterThan(1);
    List<Long> sequences = events.received().stream().map(NodeEvent::sequence).toList();
    assertThat(sequences).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void pausesAndUnpausesARunningContainer() throws Exception {
    String id = run(Specs.of(image, "sleep", "1000"));

    assertThat(client.pause(id).state()).isEqualTo("paused");
    assertThat(Files.readString(freezerState(id)).strip()).isEqualTo("FROZEN");
    assertThat(client.unpause(id).state()).isEqualTo("running");
  }

  @Test
  void restartsACrashingContainerUpToItsRetryLimit() throws Exception {
    String id = run(Specs.shell(image, "echo crashed; exit 2").restart("on-failure", 3));

    ContainerStatus done = eventually(() -> client.inspect(id),
        status -> status.restartCount() == 3 && status.state().equals("exited"));
    assertThat(done.exitCode()).isEqualTo(2);
    assertThat(lines(id, "stdout")).containsExactly("crashed", "crashed", "crashed", "crashed");
    assertThat(client.events(0, 10_000, 0)).filteredOn(event -> event.aboutContainer() && event.actorId().equals(id))
        .extracting(NodeEvent::action)
        .containsExactly("create", "start", "die", "start", "restart", "die", "start", "restart", "die", "start",
            "restart", "die");
  }

  @Test
  void carriesAContainersFileChangesToAnotherContainer() throws Exception {
    String source = run(Specs.shell(image, "echo carried > /data.txt; rm /www/index.html"));
    client.await(source, null);
    byte[] diff = http.send(HttpRequest.newBuilder(agent.uri("/api/v1/containers/" + source + "/diff")).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();

    String target = client.create(Specs.shell(image, "cat /data.txt; ls /www | wc -l").build()).id();
    HttpResponse<String> applied = http.send(HttpRequest.newBuilder(agent.uri("/api/v1/containers/" + target + "/diff"))
        .header("Content-Type", "application/x-tar").PUT(HttpRequest.BodyPublishers.ofByteArray(diff)).build(),
        HttpResponse.BodyHandlers.ofString());
    client.start(target);
    client.await(target, null);

    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(204);
    assertThat(lines(target, "stdout")).containsExactly("carried", "0");
    // the mount targets the runtime needs are in the image's init layer, not among the changes
    assertThat(entryNames(diff)).contains("data.txt", "www/.wh.index.html").doesNotContain("etc/hosts", "etc");
  }

  private static List<String> entryNames(byte[] tar) throws IOException {
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        names.add(entry.getName().replaceFirst("/$", ""));
      }
    }
    return names;
  }

  @Test
  void keepsItsBundleOnTheRuntimesTmpfsAndLeavesNothingThereOnceRemoved() throws Exception {
    Path bundle = node.stateDir().resolve("bundles").resolve(run(Specs.of(image, "sleep", "1000")));
    String id = bundle.getFileName().toString();
    Path socketLink = node.stateDir().resolve("sockets").resolve(id);

    assertThat(bundle.resolve("config.json")).isRegularFile();
    assertThat(Files.getFileStore(bundle).type()).isEqualTo("tmpfs");
    assertThat(socketLink).isSymbolicLink();
    client.stop(id, 0);
    // the run's teardown follows the exit: conmon's link to the attach socket goes with it
    assertThat(eventually(() -> Files.notExists(socketLink, LinkOption.NOFOLLOW_LINKS),
        gone -> gone)).isTrue();
    client.remove(id, false, false);
    assertThat(bundle).doesNotExist();
  }

  @Test
  void refusesToRemoveARunningContainerUnlessForced() throws Exception {
    String id = run(Specs.of(image, "sleep", "1000"));

    assertThatThrownBy(() -> client.remove(id, false, false)).isInstanceOf(HttpClientErrorException.Conflict.class);
    client.remove(id, true, true);
    assertThatThrownBy(() -> client.inspect(id)).isInstanceOf(HttpClientErrorException.NotFound.class);
  }

  private static Path freezerState(String id) {
    return cgroup("freezer", id, "freezer.state");
  }

  private static Path cgroup(String controller, String id, String file) {
    return Path.of("/sys/fs/cgroup", controller, "berth", id, file);
  }

  private static String run(Specs spec) {
    String id = client.create(spec.build()).id();
    client.start(id);
    return id;
  }

  private static List<String> lines(String id, String stream) {
    return client.logs(id, null, null, null).stream().filter(entry -> entry.stream().equals(stream))
        .map(LogEntry::line).toList();
  }

  /** The payload of every frame of {@code stream} in a multiplexed stream. */
  private static String frames(byte[] output, int stream) throws IOException {
    return StdFrames.all(new DataInputStream(new ByteArrayInputStream(output))).stream()
        .filter(frame -> frame.startsWith(stream + ":"))
        .map(frame -> frame.substring(frame.indexOf(':') + 1))
        .collect(Collectors.joining());
  }
}
