package dev.berth.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml at the root, read as compose reads it with no variables set (their defaults apply). */
class ComposeFileTest {

  private static final Path ROOT = Path.of(System.getProperty("berth.root", ".."));
  private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
  private static final String VERSION = System.getProperty("berth.version");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(?::?-([^}]*))?}");

  private static Map<String, Object> compose;
  private final Wiring wiring = new Wiring(ROOT);

  @BeforeAll
  static void read() throws IOException {
    String text = Files.readString(COMPOSE);
    Matcher variables = VARIABLE.matcher(text);
    String resolved = variables.replaceAll(match -> Matcher.quoteReplacement(
        match.group(2) == null ? "" : match.group(2)));
    compose = new Yaml(new LoaderOptions()).load(resolved);
  }

  @Test
  void wiresEveryServiceByItsPropertiesVariables() {
    for (Deployable deployable : Deployable.values()) {
      Map<String, String> env = new LinkedHashMap<>();
      map(service(deployable.module()), "environment").forEach((name, value) -> env.put(name, String.valueOf(value)));
      wiring.check(deployable, env, host -> services().containsKey(host) ? Deployable.ofModule(host) : null);
      if (deployable.database()) {
        assertThat(env.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/berth");
      }
    }
  }

  @Test
  void imagesAreTheOnesJibPushes() {
    for (Deployable deployable : Deployable.values()) {
      assertThat(service(deployable.module())).containsEntry("image",
          "127.0.0.1:5000/berth/" + deployable.module() + ":" + VERSION);
    }
  }

  @Test
  void everyServiceHasAHealthCheckAndWaitsForWhatItNeedsToBeHealthy() {
    for (String name : services().keySet()) {
      assertThat(map(service(name), "healthcheck")).as(name).containsKey("test");
    }
    for (Deployable deployable : Deployable.values()) {
      Map<String, Object> dependsOn = map(service(deployable.module()), "depends_on");
      List<String> needed = new java.util.ArrayList<>(deployable.links().values().stream()
          .filter(target -> target != deployable).map(Deployable::module).distinct().toList());
      if (deployable.database()) {
        needed.add("postgres");
      }
      assertThat(dependsOn).as(deployable.module()).containsKeys(needed.toArray(String[]::new));
      dependsOn.values().forEach(condition ->
          assertThat(condition).as(deployable.module()).isEqualTo(Map.of("condition", "service_healthy")));
    }
  }

  @Test
  void publishesOnlyTheGatewayAndTheRegistry() {
    Map<String, Object> published = new LinkedHashMap<>();
    services().forEach((name, service) -> {
      Object ports = ((Map<?, ?>) service).get("ports");
      if (ports != null) {
        published.put(name, ports);
      }
    });
    assertThat(published).isEqualTo(Map.of("gateway", List.of("8080:8080"), "registry-service", List.of("5000:5000")));
  }

  @Test
  void keepsDataOnNamedVolumesAndRunsPostgresql16() {
    Map<String, Object> volumes = map(compose, "volumes");
    assertThat(service("registry-service").get("volumes")).isEqualTo(List.of("registry-data:/var/lib/berth"));
    assertThat(service("image-service").get("volumes")).isEqualTo(List.of("image-data:/var/lib/berth"));
    assertThat(map(service("registry-service"), "environment")).containsEntry("BERTH_DATA_DIR", "/var/lib/berth");
    assertThat(service("postgres")).containsEntry("image", "postgres:16")
        .containsEntry("volumes", List.of("postgres-data:/var/lib/postgresql/data"));
    assertThat(volumes).containsKeys("registry-data", "image-data", "postgres-data", "node-data");
  }

  @Test
  void nodeAgentIsPrivilegedWithItsStateMounted() {
    Map<String, Object> agent = service("node-agent");
    Map<String, Object> env = map(agent, "environment");
    assertThat(agent).containsEntry("privileged", true);
    @SuppressWarnings("unchecked")
    List<String> volumes = (List<String>) agent.get("volumes");
    assertThat(volumes).contains("node-data:" + env.get("BERTH_DATA_DIR"),
        env.get("BERTH_NODE_RUNTIME_STATE_DIR") + ":" + env.get("BERTH_NODE_RUNTIME_STATE_DIR") + ":rshared");
    assertThat((String) env.get("BERTH_NODE_NETWORK_NAMESPACE_DIR"))
        .startsWith(env.get("BERTH_NODE_RUNTIME_STATE_DIR") + "/");
    assertThat(env).containsEntry("BERTH_NODE_ADVERTISE_ADDRESS", "http://node-agent:8083");
  }

  @Test
  void dockerComposeAcceptsIt() throws IOException, InterruptedException {
    Path binary = Path.of("/usr/bin/docker-compose");
    assumeTrue(Files.isExecutable(binary), "Debian's docker-compose is not installed");
    Process process = new ProcessBuilder(binary.toString(), "-f", COMPOSE.toString(), "config", "--quiet")
        .redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> services() {
    return (Map<String, Object>) compose.get("services");
  }

  private static Map<String, Object> service(String name) {
    return map(services(), name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as(key).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
