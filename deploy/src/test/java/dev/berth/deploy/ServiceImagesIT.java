package dev.berth.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testsupport.RegistryServiceProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service images built as CI builds them, with no public registry: registry-service runs from its jar, the base
 * images are made on this machine ({@code deploy/base-image.sh}: debootstrap + jlink) and pushed into it, and
 * {@code ./mvnw -Pimages package jib:build} builds every deployable's image on them and pushes it there too. Then
 * each image's config is read back from the registry, and registry-service's image is run on Berth itself. Needs
 * root, debootstrap, umoci, skopeo, the docker CLI, and what node agents need (runc, conmon, CNI plugins, iptables).
 */
class ServiceImagesIT {

  private static final Path ROOT = Path.of(System.getProperty("berth.root", "..")).toAbsolutePath().normalize();
  private static final String VERSION = System.getProperty("berth.version");
  private static final Path WORK = Path.of(System.getProperty("berth.services.dir", "target/services")).toAbsolutePath();
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String MANIFEST_TYPES = String.join(",", "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.v2+json");

  private static RegistryServiceProcess registry;
  private static String revision;
  private static final Map<String, Integer> DEPLOYABLES = new TreeMap<>();

  @BeforeAll
  static void buildImages() throws IOException, InterruptedException {
    assumeTrue("root".equals(System.getProperty("user.name")), "debootstrap and chroot need root");
    Files.createDirectories(WORK);
    // the nested build repackages registry-service: the registry serving it runs from a copy
    Path jar = WORK.resolve("registry-service.jar");
    Files.copy(Path.of(System.getProperty("berth.registry.jar")), jar, StandardCopyOption.REPLACE_EXISTING);
    System.setProperty("berth.registry.jar", jar.toString());
    registry = RegistryServiceProcess.start("ServiceImagesIT");
    deployables();

    List<String> baseOptions = run(WORK.resolve("base-image.log"), "bash", "deploy/base-image.sh", registry.address())
        .lines().filter(line -> line.startsWith("-Dberth.image.")).toList();
    assertThat(baseOptions).hasSize(2);
    revision = run(WORK.resolve("git.log"), "git", "rev-parse", "HEAD").strip();

    List<String> maven = new ArrayList<>(List.of("./mvnw", "-B", "-Pimages", "-DskipTests", "-pl",
        String.join(",", DEPLOYABLES.keySet()), "-am", "package", "jib:build",
        "-Dberth.image.registry=" + registry.address(), "-Dberth.image.insecure=true",
        "-Dberth.image.revision=" + revision));
    maven.addAll(baseOptions);
    String log = run(WORK.resolve("jib.log"), maven.toArray(String[]::new));
    for (String module : DEPLOYABLES.keySet()) {
      assertThat(log).contains("Built and pushed image as " + registry.address() + "/berth/" + module + ":" + VERSION);
    }
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void everyImageRunsItsServiceWithContainerSizedJvmFlags() throws Exception {
    for (String module : DEPLOYABLES.keySet()) {
      JsonNode config = config(module);
      List<String> entrypoint = JSON.convertValue(config.path("Entrypoint"), JSON.getTypeFactory()
          .constructCollectionType(List.class, String.class));
      assertThat(entrypoint).as(module).startsWith("java").contains("-XX:MaxRAMPercentage=75.0",
          "-XX:+ExitOnOutOfMemoryError");
      assertThat(entrypoint.getLast()).as(module).startsWith("dev.berth.");
      assertThat(config.path("ExposedPorts").has(DEPLOYABLES.get(module) + "/tcp")).as(module).isTrue();
      assertThat(config.path("Env").toString()).contains("BERTH_DATA_DIR=/var/lib/berth", "PATH=/opt/java/openjdk/bin");
    }
  }

  @Test
  void onlyTheNodeAgentRunsAsRoot() throws Exception {
    for (String module : DEPLOYABLES.keySet()) {
      String user = config(module).path("User").asString();
      if (module.equals("node-agent")) {
        assertThat(user).isEqualTo("0:0");
      } else {
        assertThat(user).as(module).isEqualTo("1000:1000");
      }
    }
  }

  @Test
  void imagesCarryOciLabels() throws Exception {
    for (String module : DEPLOYABLES.keySet()) {
      JsonNode labels = config(module).path("Labels");
      assertThat(labels.path("org.opencontainers.image.title").asString()).isEqualTo(module);
      assertThat(labels.path("org.opencontainers.image.version").asString()).isEqualTo(VERSION);
      assertThat(labels.path("org.opencontainers.image.revision").asString()).isEqualTo(revision);
      assertThat(labels.path("org.opencontainers.image.base.name").asString())
          .startsWith(registry.address() + "/berth/base-");
    }
  }

  /**
   * Berth runs Berth: registry-service's image, started as a container on Berth by the docker CLI (through
   * engine-service, image-service and a node agent started from their jars), answers {@code /v2/} on its
   * published port — with its embedded PostgreSQL, as the image's non-root user.
   */
  @Test
  void registryServiceImageRunsAsAContainerOnBerth() throws Exception {
    String image = registry.address() + "/berth/registry-service:" + VERSION;
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (BerthStack stack = BerthStack.start("BerthRunsBerth")) {
      stack.pull(image);
      String id = stack.docker("run", "-d", "--name", "berth-registry", "-p", "127.0.0.1:" + port + ":5000", image);
      try {
        URI v2 = URI.create("http://127.0.0.1:" + port + "/v2/");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (BerthStack.status(v2) != 200 && Instant.now().isBefore(deadline)) {
          assertThat(stack.docker("inspect", "-f", "{{.State.Running}}", id)).as("the container runs").isEqualTo("true");
          Thread.sleep(1000);
        }
        assertThat(BerthStack.status(v2)).as("GET %s; container log:%n%s", v2, stack.docker("logs", id)).isEqualTo(200);
        assertThat(stack.docker("logs", id)).contains("started embedded PostgreSQL");
      } finally {
        stack.docker("rm", "-f", id);
      }
    }
  }

  /** The modules with an application.yml among the root's modules: the four services, and the gateway once here. */
  private static void deployables() throws IOException {
    Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
    Pattern port = Pattern.compile("(?m)^server:\\s*\\n\\s+port:\\s*(\\d+)");
    while (modules.find()) {
      Path yml = ROOT.resolve(modules.group(1)).resolve("src/main/resources/application.yml");
      if (Files.exists(yml)) {
        Matcher serverPort = port.matcher(Files.readString(yml));
        DEPLOYABLES.put(modules.group(1), serverPort.find() ? Integer.parseInt(serverPort.group(1)) : 8080);
      }
    }
    assertThat(DEPLOYABLES).containsKeys("registry-service", "image-service", "engine-service", "node-agent");
  }

  /** The container config of {@code berth/<module>:<version>} as the registry serves it. */
  private static JsonNode config(String module) throws IOException, InterruptedException {
    String base = "http://" + registry.address() + "/v2/berth/" + module;
    JsonNode manifest = JSON.readTree(get(base + "/manifests/" + VERSION, MANIFEST_TYPES));
    return JSON.readTree(get(base + "/blobs/" + manifest.path("config").path("digest").asString(), "*/*"))
        .path("config");
  }

  private static String get(String uri, String accept) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", accept)
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
      return response.body();
    }
  }

  /** Runs {@code command} in the root with its output in {@code log}; returns that output once it succeeded. */
  private static String run(Path log, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    if (!process.waitFor(BUILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(String.join(" ", command) + " did not finish within " + BUILD_TIMEOUT + "; see " + log);
    }
    String output = Files.readString(log);
    assertThat(process.exitValue()).as("%s failed; last output (%s):%n%s", String.join(" ", command), log,
        output.substring(Math.max(0, output.length() - 4000))).isZero();
    return output;
  }
}
