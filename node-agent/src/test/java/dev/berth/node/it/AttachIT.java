package dev.berth.node.it;

import static dev.berth.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ExecSpec;
import dev.berth.node.api.ExecStatus;
import dev.berth.node.api.NodeAgentClient;
import dev.berth.testsupport.BusyboxImage;
import dev.berth.testsupport.Hijack;
import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Attaching to containers' and execs' stdio through conmon, with real containers, over upgraded connections. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AttachIT {

  @RegisterExtension
  @Order(1)
  static final ServiceProcess imageService = ServiceProcess.of(ServiceJar.IMAGE_SERVICE);

  static final AgentUnderTest node = new AgentUnderTest(imageService);

  @RegisterExtension
  @Order(2)
  static final ServiceProcess agent = node.process();

  private static NodeAgentClient client;
  private static String image;

  @BeforeAll
  static void importBusybox() throws Exception {
    image = BusyboxImage.importInto(imageService, "it/busybox:attach", "CMD [\"sh\"]");
    client = node.client();
  }

  @AfterAll
  static void removeContainers() {
    node.cleanUp();
  }

  @Test
  void receivesTheOutputOfAContainerStartedAfterAttaching() throws Exception {
    String id = client.create(stdio(Specs.shell(image, "echo out; echo err >&2; exit 3"), false, false)).id();

    try (Hijack attach = Hijack.open(agent.address(), "/api/v1/containers/" + id + "/attach", null)) {
      assertThat(attach.status()).isEqualTo(101);
      client.start(id);

      assertThat(attach.frames()).containsExactlyInAnyOrder("1:out\n", "2:err\n");
    }
    assertThat(client.await(id, null).exitCode()).isEqualTo(3);
  }

  @Test
  void feedsStdinToTheContainerUntilTheClientHalfCloses() throws Exception {
    String id = client.create(stdio(Specs.of(image, "cat"), false, true)).id();

    try (Hijack attach = Hijack.open(agent.address(), "/api/v1/containers/" + id + "/attach?stdin=true", null)) {
      client.start(id);
      attach.send("hello\n");
      assertThat(attach.frame()).isEqualTo("1:hello\n");
      attach.send("again\n");
      assertThat(attach.frame()).isEqualTo("1:again\n");
      attach.closeStdin();

      assertThat(attach.frames()).isEmpty();
    }
    eventually(() -> client.inspect(id).state(), "exited"::equals);
    assertThat(client.inspect(id).exitCode()).isZero();
  }

  @Test
  void attachesToARunningContainerWithATerminalAndResizesIt() throws Exception {
    String id = client.create(stdio(Specs.of(image, "sh"), true, true)).id();
    client.start(id);

    try (Hijack attach = Hijack.open(agent.address(), "/api/v1/containers/" + id + "/attach?stdin=true", null)) {
      assertThat(attach.status()).isEqualTo(101);
      client.resize(id, 33, 111);
      attach.send("stty size\n");
      assertThat(attach.readUntil("33 111")).contains("33 111");
      attach.send("exit 5\n");
      attach.rest();
    }
    eventually(() -> client.inspect(id).state(), "exited"::equals);
    assertThat(client.inspect(id).exitCode()).isEqualTo(5);
  }

  @Test
  void feedsStdinToAnExecWithAndWithoutATerminal() throws Exception {
    String id = client.create(stdio(Specs.of(image, "sleep", "1000"), false, false)).id();
    client.start(id);

    ExecStatus piped = client.createExec(id, new ExecSpec(List.of("cat"), List.of(), null, null, false, false));
    try (Hijack exec = Hijack.open(agent.address(), "/api/v1/execs/" + piped.id() + "/start?stdin=true", null)) {
      exec.send("piped\n");
      assertThat(exec.frame()).isEqualTo("1:piped\n");
      exec.closeStdin();
      assertThat(exec.frames()).isEmpty();
    }
    assertThat(client.inspectExec(piped.id()).exitCode()).isZero();

    ExecStatus terminal = client.createExec(id, new ExecSpec(List.of("sh"), List.of(), null, null, true, false));
    try (Hijack exec = Hijack.open(agent.address(), "/api/v1/execs/" + terminal.id() + "/start?stdin=true", null)) {
      eventually(() -> client.inspectExec(terminal.id()).pid(), pid -> pid > 0);
      client.resizeExec(terminal.id(), 21, 77);
      exec.send("stty size; exit 6\n");
      assertThat(exec.rest()).contains("21 77");
    }
    assertThat(client.inspectExec(terminal.id()).exitCode()).isEqualTo(6);
  }

  private static ContainerSpec stdio(Specs specs, boolean tty, boolean openStdin) {
    ContainerSpec spec = specs.build();
    return new ContainerSpec(spec.id(), spec.name(), spec.image(), spec.entrypoint(), spec.cmd(), spec.env(),
        spec.workingDir(), spec.user(), spec.hostname(), spec.domainname(), tty, openStdin, spec.stopSignal(),
        spec.stopTimeout(), spec.labels(), spec.host());
  }
}
