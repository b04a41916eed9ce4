package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testsupport.BusyboxImage;
import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The docker CLI 28.2 against engine-service's Docker API, with a real image-service and node agent. */
class DockerContainersIT {

  private static final String NODE = "d1";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @RegisterExtension
  @Order(1)
  static final ServiceProcess imageService = ServiceProcess.of(ServiceJar.IMAGE_SERVICE);

  @RegisterExtension
  @Order(2)
  static final ServiceProcess engine = ServiceProcess.of(ServiceJar.ENGINE_SERVICE)
      .withArguments(() -> List.of("--berth.engine.image-service=http://" + imageService.address(),
          "--berth.engine.heartbeat-interval=1s"));

  @RegisterExtension
  @Order(3)
  static final ServiceProcess agent = NodeAgents.agent(NODE, imageService, engine);

  private static final HttpClient http = HttpClient.newHttpClient();
  private static Path dockerConfig;

  @BeforeAll
  static void registerTheNodeAndImportBusybox() throws Exception {
    dockerConfig = Files.createTempDirectory("docker-config");
    BusyboxImage.importInto(imageService, "it/busybox:1", "CMD [\"sh\"]", "EXPOSE 80");
    send("POST", "/api/v1/nodes", "{\"name\":\"" + NODE + "\",\"address\":\"http://" + agent.address() + "\"}", 200);
  }

  @AfterAll
  static void removeContainers() throws Exception {
    for (JsonNode container : JSON.readTree(send("GET", "/api/v1/containers", null, 200).body())) {
      send("DELETE", "/api/v1/containers/" + container.path("id").asString() + "?force=true", null, 204);
    }
    NodeAgents.cleanUp();
  }

  @Test
  void dockerVersionShowsTheServerAndItsApiVersion() throws Exception {
    assertThat(docker("version", "--format", "{{.Server.Version}} {{.Server.APIVersion}} {{.Server.Os}} {{.Client.APIVersion}}"))
        .isEqualTo("28.2.2-berth 1.44 linux 1.44");
  }

  @Test
  void dockerInfoShowsTheNodesAndImages() throws Exception {
    String info = docker("info", "--format", "{{.OSType}}|{{.NCPU}}|{{.Images}}|{{.Swarm.LocalNodeState}}|{{.Driver}}");
    String[] fields = info.split("\\|");
    assertThat(fields[0]).isEqualTo("linux");
    assertThat(Integer.parseInt(fields[1])).isPositive();
    assertThat(Integer.parseInt(fields[2])).isPositive();
    assertThat(fields[3]).isEqualTo("inactive");
    assertThat(fields[4]).isEqualTo("overlay2");
    assertThat(docker("info")).contains("Server Version: 28.2.2-berth", "Cgroup Driver: cgroupfs");
  }

  @Test
  void dockerCreateMakesAContainerThatPsAndInspectShow() throws Exception {
    String id = docker("create", "--name", "made", "--label", "suite=create", "it/busybox:1", "true");
    assertThat(id).matches("[0-9a-f]{64}");

    assertThat(docker("ps", "-a", "--filter", "label=suite=create", "--format", "{{.Names}}|{{.Status}}|{{.Image}}|{{.Command}}"))
        .isEqualTo("made|Created|it/busybox:1|\"true\"");
    assertThat(docker("ps", "-a", "--filter", "status=created", "--format", "{{.Names}}")).contains("made");
    assertThat(docker("ps", "--format", "{{.Names}}")).doesNotContain("made");

    JsonNode inspect = JSON.readTree(docker("inspect", "made")).get(0);
    assertThat(inspect.path("Id").asString()).isEqualTo(id);
    assertThat(inspect.path("Name").asString()).isEqualTo("/made");
    assertThat(inspect.path("State").path("Status").asString()).isEqualTo("created");
    assertThat(inspect.path("State").path("StartedAt").asString()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(inspect.path("Path").asString()).isEqualTo("true");
    assertThat(inspect.path("Config").path("Image").asString()).isEqualTo("it/busybox:1");
    assertThat(inspect.path("Config").path("Labels").path("suite").asString()).isEqualTo("create");
    assertThat(inspect.path("Image").asString()).startsWith("sha256:");
    assertThat(inspect.path("HostConfig").path("NetworkMode").asString()).isEqualTo("default");
  }

  @Test
  void aStartedContainerIsUpWithItsPublishedPort() throws Exception {
    docker("create", "--name", "web", "-p", "80", "--label", "suite=web", "it/busybox:1", "httpd", "-f", "-p", "80",
        "-h", "/www");
    send("POST", "/api/v1/containers/web/start", null, 200);

    String row = docker("ps", "--filter", "label=suite=web", "--format", "{{.Status}}|{{.Ports}}");
    assertThat(row).matches("Up (Less than a second|\\d+ seconds?)\\|0\\.0\\.0\\.0:\\d+->80/tcp");
    String port = docker("port", "web", "80");
    assertThat(port).matches("0\\.0\\.0\\.0:\\d+");
    assertThat(docker("ps", "--filter", "publish=" + port.substring(port.indexOf(':') + 1), "--format", "{{.Names}}"))
        .isEqualTo("web");
    assertThat(docker("inspect", "-f", "{{.State.Running}} {{.Config.Cmd}}", "web")).isEqualTo("true [httpd -f -p 80 -h /www]");
  }

  @Test
  void systemDfCountsImagesAndContainers() throws Exception {
    docker("create", "--name", "counted", "it/busybox:1", "true");
    String df = docker("system", "df", "--format", "{{.Type}}|{{.TotalCount}}|{{.Active}}");
    assertThat(df).contains("Local Volumes|0|0");
    assertThat(df.lines().filter(line -> line.startsWith("Images|")).findFirst().orElseThrow())
        .matches("Images\\|[1-9]\\d*\\|[1-9]\\d*");
  }

  @Test
  void acceptsDockerJavasBodyWithExplicitNulls() throws Exception {
    HttpResponse<String> created = send("POST", "/v1.32/containers/create?name=tc", """
        {"Image":"it/busybox:1","Cmd":["sh","-c","sleep 100"],"Env":[],"ExposedPorts":{"80/tcp":{}},"Volumes":{},
         "Tty":null,"Entrypoint":null,"Labels":{"org.testcontainers":"true"},
         "HostConfig":{"NetworkMode":null,"PortBindings":{"80/tcp":[{"HostIp":"","HostPort":""}]},"Binds":[],
           "Links":[],"ExtraHosts":[],"VolumesFrom":[],"RestartPolicy":null,"LogConfig":null,"Memory":null},
         "NetworkingConfig":null}""", 201);
    String id = JSON.readTree(created.body()).path("Id").asString();
    send("POST", "/api/v1/containers/" + id + "/start", null, 200);

    JsonNode inspect = JSON.readTree(send("GET", "/v1.32/containers/" + id + "/json", null, 200).body());
    assertThat(inspect.path("State").path("Running").asBoolean()).isTrue();
    assertThat(inspect.path("NetworkSettings").path("Ports").path("80/tcp").get(0).path("HostPort").asString())
        .matches("\\d+");
    assertThat(JSON.readTree(send("GET", "/containers/json?all=true&filters=%7B%22label%22%3A%5B%22org.testcontainers"
        + "%3Dtrue%22%5D%7D", null, 200).body())).hasSize(1);
  }

  @Test
  void aNameInUseIsRefusedWithDockersMessage() throws Exception {
    docker("create", "--name", "twice", "it/busybox:1", "true");
    Result second = run("create", "--name", "twice", "it/busybox:1", "true");
    assertThat(second.exitCode()).isNotZero();
    assertThat(second.stderr()).contains("Conflict. The container name \"/twice\" is already in use");
  }

  @Test
  void aMissingImageIs404WithTheImageNameAndTag() throws Exception {
    HttpResponse<String> response = send("POST", "/v1.44/containers/create", "{\"Image\":\"httpd\"}", 404);
    assertThat(response.body()).isEqualTo("{\"message\":\"No such image: httpd:latest\"}");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void anInvalidNameOrBodyIs400() throws Exception {
    assertThat(send("POST", "/v1.44/containers/create?name=a%20b", "{\"Image\":\"it/busybox:1\",\"Cmd\":[\"true\"]}",
        400).body()).contains("Invalid container name (a b)");
    send("POST", "/v1.44/containers/create", "{not json", 400);
    send("POST", "/v1.44/containers/create", "{\"Image\":\"it/busybox:1\",\"Cmd\":\"true\"}", 400);
  }

  @Test
  void pingAnswersWithDockersHeaders() throws Exception {
    HttpResponse<String> ping = send("GET", "/_ping", null, 200);
    assertThat(ping.body()).isEqualTo("OK");
    assertThat(ping.headers().firstValue("Api-Version")).hasValue("1.44");
    assertThat(ping.headers().firstValue("Ostype")).hasValue("linux");
    assertThat(send("HEAD", "/v1.44/_ping", null, 200).headers().firstValue("Docker-Experimental")).hasValue("false");
    assertThat(ping.headers().allValues("Api-Version")).as("sent once").hasSize(1);
  }

  @Test
  void sendsTheApiVersionOnEveryDockerResponseOnly() throws Exception {
    HttpResponse<String> missing = send("GET", "/v1.41/containers/nosuch/json", null, 404);
    assertThat(missing.headers().firstValue("Api-Version")).hasValue("1.44");
    assertThat(missing.headers().firstValue("Server")).hasValue("Docker/28.2.2-berth (linux)");
    assertThat(send("GET", "/api/v1/nodes", null, 200).headers().firstValue("Api-Version")).isEmpty();
  }

  private record Result(int exitCode, String stdout, String stderr) {
  }

  private static String docker(String... args) throws IOException, InterruptedException {
    Result result = run(args);
    assertThat(result.exitCode()).as("docker %s: %s", String.join(" ", args), result.stderr()).isZero();
    return result.stdout().strip();
  }

  private static Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("DOCKER_HOST", "tcp://" + engine.address());
    builder.environment().put("DOCKER_CONFIG", dockerConfig.toString());
    Path stderr = Files.createTempFile("docker-stderr", ".txt");
    Process process = builder.redirectError(stderr.toFile()).start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    String errors = Files.readString(stderr);
    Files.delete(stderr);
    return new Result(process.exitValue(), stdout, errors);
  }

  private static HttpResponse<String> send(String method, String path, String body, int expectedStatus)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + engine.address() + path))
        .timeout(Duration.ofMinutes(2))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
    return response;
  }
}
