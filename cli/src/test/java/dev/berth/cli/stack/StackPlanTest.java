package dev.berth.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackPlanTest {

  @TempDir
  Path home;

  private final StackLayout layout = new StackLayout(Path.of("/data"));
  private final Path java = Path.of("/jdk/bin/java");
  private final Path cliJar = Path.of("/repo/cli/target/berth.jar");

  @Test
  void startsPostgresThenEveryBuiltServiceInDependencyOrder() throws IOException {
    build("registry-service", "image-service", "engine-service", "node-agent", "gateway");

    StackPlan plan = StackPlan.of(home, layout, java, cliJar, 5433, true);

    assertThat(plan.services()).extracting(ServiceSpec::name)
        .containsExactly("postgres", "registry-service", "image-service", "engine-service", "node-agent", "gateway");
    assertThat(plan.services()).extracting(ServiceSpec::port).containsExactly(5433, 5000, 8082, 8081, 8083, 8080);
    assertThat(plan.notes()).isEmpty();
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.service("postgres").orElseThrow().command())
        .containsSubsequence("/jdk/bin/java", "-cp", "/repo/cli/target/berth.jar", "dev.berth.cli.Berth", "postgres",
            "--data-dir", "/data", "--port", "5433");
    Path engineJar = home.resolve("engine-service/target/engine-service.jar");
    assertThat(plan.service("engine-service").orElseThrow().command())
        .containsExactlyElementsOf(Stream.of(List.of("/jdk/bin/java"),
            AotCache.jvmOptions(Path.of("/data/aot"), "engine-service", engineJar, Runtime.version()),
            List.of("-jar", engineJar.toString())).flatMap(List::stream).toList());
    assertThat(plan.service("node-agent").orElseThrow().log()).isEqualTo(Path.of("/data/logs/node-agent.log"));
  }

  @Test
  void handsEveryServiceItsDataDirectoryPortAndTheOthersAddresses() throws IOException {
    build("registry-service", "image-service", "engine-service", "node-agent", "gateway");

    StackPlan plan = StackPlan.of(home, layout, java, cliJar, 5433, true);

    assertThat(plan.service("registry-service").orElseThrow().environment())
        .containsEntry("BERTH_DATA_DIR", "/data/registry-service")
        .containsEntry("SERVER_PORT", "5000")
        .containsEntry("SERVER_ADDRESS", "127.0.0.1")
        .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5433/postgres")
        .containsEntry("SPRING_DATASOURCE_USERNAME", "postgres");
    assertThat(plan.service("image-service").orElseThrow().environment())
        .containsEntry("BERTH_IMAGE_DEFAULT_REGISTRY", "127.0.0.1:5000")
        .containsEntry("BERTH_IMAGE_ENGINE", "http://127.0.0.1:8081")
        .containsKey("SPRING_DATASOURCE_URL");
    assertThat(plan.service("engine-service").orElseThrow().environment())
        .containsEntry("BERTH_ENGINE_IMAGE_SERVICE", "http://127.0.0.1:8082");
    assertThat(plan.service("node-agent").orElseThrow().environment())
        .containsEntry("BERTH_NODE_ENGINE", "http://127.0.0.1:8081")
        .containsEntry("BERTH_NODE_IMAGE_SERVICE", "http://127.0.0.1:8082")
        .doesNotContainKey("SPRING_DATASOURCE_URL");
    assertThat(plan.service("gateway").orElseThrow().environment())
        .containsEntry("BERTH_GATEWAY_SERVICES_ENGINE", "http://127.0.0.1:8081")
        .containsEntry("BERTH_GATEWAY_SERVICES_IMAGE", "http://127.0.0.1:8082")
        .containsEntry("BERTH_GATEWAY_SERVICES_REGISTRY", "http://127.0.0.1:5000")
        .doesNotContainKey("SPRING_DATASOURCE_URL");
  }

  @Test
  void leavesOutAGatewayThatIsNotBuiltAndANodeAgentWithoutRootSayingSo() throws IOException {
    build("registry-service", "image-service", "engine-service", "node-agent");

    StackPlan plan = StackPlan.of(home, layout, java, cliJar, 5433, false);

    assertThat(plan.services()).extracting(ServiceSpec::name)
        .containsExactly("postgres", "registry-service", "image-service", "engine-service");
    assertThat(plan.notes()).hasSize(2)
        .anySatisfy(note -> assertThat(note).contains("node-agent needs root"))
        .anySatisfy(note -> assertThat(note).contains("no gateway jar").contains("starting without gateway"));
    assertThat(plan.errors()).isEmpty();
  }

  @Test
  void aRequiredServiceThatIsNotBuiltIsAnError() throws IOException {
    build("registry-service", "node-agent");

    StackPlan plan = StackPlan.of(home, layout, java, cliJar, 5433, true);

    assertThat(plan.errors()).hasSize(2).allSatisfy(error -> assertThat(error).contains("./mvnw"))
        .anySatisfy(error -> assertThat(error).contains("no image-service jar"))
        .anySatisfy(error -> assertThat(error).contains("no engine-service jar"));
  }

  private void build(String... modules) throws IOException {
    for (String module : modules) {
      Path jar = StackPlan.jar(home, module);
      Files.createDirectories(jar.getParent());
      Files.createFile(jar);
    }
  }
}
