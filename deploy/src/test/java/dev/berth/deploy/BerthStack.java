package dev.berth.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testsupport.AgentStateDirs;
import dev.berth.testsupport.HostNetworks;
import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The part of Berth that runs containers, started from its jars: image-service, engine-service and a node agent
 * that registers itself (on a bridge and subnet of its own), with the docker CLI pointed at engine-service.
 */
final class BerthStack implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final ServiceProcess imageService = ServiceProcess.of(ServiceJar.IMAGE_SERVICE);
  private final ServiceProcess engine;
  private final ServiceProcess agent;
  private final String bridge = "bd" + Integer.toString(new SecureRandom().nextInt(1 << 20), 36);

  private BerthStack() {
    engine = ServiceProcess.of(ServiceJar.ENGINE_SERVICE)
        .withArguments(() -> List.of("--berth.engine.image-service=http://" + imageService.address()));
    String subnet = HostNetworks.freeSubnet(77);
    agent = ServiceProcess.of(ServiceJar.NODE_AGENT).withArguments(() -> List.of(
        "--berth.node.name=" + bridge,
        "--berth.node.image-service=http://" + imageService.address(),
        "--berth.node.engine=http://" + engine.address(),
        "--berth.node.runtime.state-dir=/run/berth-" + bridge,
        "--berth.node.network.namespace-dir=/run/berth-" + bridge + "/netns",
        "--berth.node.network.bridge=" + bridge,
        "--berth.node.network.subnet=" + subnet + ".0/24",
        "--berth.node.network.gateway=" + subnet + ".1"));
  }

  static BerthStack start(String name) throws IOException, InterruptedException {
    BerthStack stack = new BerthStack();
    stack.imageService.start(name);
    stack.engine.start(name);
    stack.agent.start(name);
    return stack;
  }

  /** Pulls {@code reference} into image-service (the docker CLI would ask the gateway, which is not here). */
  void pull(String reference) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(imageService.uri("/api/v1/images/pull?reference="
        + URLEncoder.encode(reference, StandardCharsets.UTF_8))).timeout(Duration.ofMinutes(5))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).as("pull %s", reference).doesNotContain("\"ERROR\"").contains(reference);
  }

  /** Runs the docker CLI against engine-service (own empty config, API 1.44) and returns what it printed. */
  String docker(String... args) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("docker-cli");
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
        .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    builder.environment().put("DOCKER_HOST", "tcp://" + engine.address());
    builder.environment().put("DOCKER_CONFIG", dir.resolve("config").toString());
    builder.environment().put("DOCKER_API_VERSION", "1.44");
    builder.environment().remove("DOCKER_CONTEXT");
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("docker " + String.join(" ", args) + " did not end within 2 minutes");
    }
    String stdout = Files.readString(dir.resolve("out"));
    assertThat(process.exitValue()).as("docker %s: %s", String.join(" ", args), Files.readString(dir.resolve("err")))
        .isZero();
    return stdout.strip();
  }

  /** The status of GET {@code uri}, or -1 while nothing answers. */
  static int status(URI uri) throws InterruptedException {
    try {
      return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    agent.stop();
    engine.stop();
    imageService.stop();
    HostNetworks.deleteBridge(bridge);
    AgentStateDirs.remove(Path.of("/run/berth-" + bridge));
  }
}
