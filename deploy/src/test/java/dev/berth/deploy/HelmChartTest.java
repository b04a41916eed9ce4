package dev.berth.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HelmChartTest {

  private static final Path ROOT = Path.of(System.getProperty("berth.root", ".."));
  private static final Path CHART = ROOT.resolve("helm/berth");
  private static final String VERSION = System.getProperty("berth.version");
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|key|credential).*");

  private static final KubernetesApiStub API = new KubernetesApiStub();
  private static RenderedChart defaults;
  private static RenderedChart production;
  private final Wiring wiring = new Wiring(ROOT);

  @BeforeAll
  static void render() throws IOException {
    API.writeKubeconfig(Path.of(System.getenv("KUBECONFIG")));
    defaults = RenderedChart.render(CHART, template -> { });
    production = RenderedChart.render(CHART,
        template -> template.withValuesFile(Path.of("src/test/resources/values-production.yaml")));
  }

  @Test
  void lintsCleanly() {
    LintResult lint = new Helm(CHART).lint().strict().call();
    assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
  }

  @Test
  void everyContainerHasProbesRequestsAndLimits() {
    for (RenderedChart chart : new RenderedChart[] {defaults, production}) {
      chart.podSpecs().forEach((workload, spec) -> spec.getContainers().forEach(container -> {
        assertThat(container.getReadinessProbe()).as("%s readiness probe", workload).isNotNull();
        assertThat(container.getLivenessProbe()).as("%s liveness probe", workload).isNotNull();
        assertThat(container.getResources().getRequests()).as("%s requests", workload).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).as("%s limits", workload).containsKeys("cpu", "memory");
      }));
    }
  }

  @Test
  void servicesProbeTheActuatorHealthGroups() {
    for (Deployable deployable : Deployable.values()) {
      Container container = container(defaults, deployable);
      assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
      assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
      assertThat(defaults.environment(container))
          .containsEntry("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
    }
  }

  @Test
  void nodeAgentIsAPrivilegedDaemonSetOnTheHostNetworkWithItsStateOnTheHost() {
    DaemonSet agent = defaults.get(DaemonSet.class, RenderedChart.name(Deployable.NODE_AGENT));
    PodSpec spec = agent.getSpec().getTemplate().getSpec();
    assertThat(spec.getHostNetwork()).isTrue();
    assertThat(spec.getHostPID()).isTrue();
    Container container = spec.getContainers().getFirst();
    assertThat(container.getSecurityContext().getPrivileged()).isTrue();
    Map<String, String> env = defaults.environment(container);
    Map<String, String> hostPaths = new java.util.HashMap<>();
    for (Volume volume : spec.getVolumes()) {
      if (volume.getHostPath() != null) {
        container.getVolumeMounts().stream().filter(mount -> mount.getName().equals(volume.getName()))
            .forEach(mount -> hostPaths.put(mount.getMountPath(), volume.getHostPath().getPath()));
      }
    }
    assertThat(hostPaths).containsEntry(env.get("BERTH_DATA_DIR"), env.get("BERTH_DATA_DIR"))
        .containsEntry(env.get("BERTH_NODE_RUNTIME_STATE_DIR"), env.get("BERTH_NODE_RUNTIME_STATE_DIR"));
    assertThat(env.get("BERTH_NODE_NETWORK_NAMESPACE_DIR")).startsWith(env.get("BERTH_NODE_RUNTIME_STATE_DIR") + "/");
    assertThat(env).containsEntry("BERTH_NODE_NAME", "field:spec.nodeName")
        .containsEntry("BERTH_NODE_ADVERTISE_ADDRESS", "http://$(HOST_IP):8083");
    assertThat(defaults.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
        .doesNotContain(RenderedChart.name(Deployable.NODE_AGENT));
  }

  @Test
  void servicesRunAsNonRootExceptTheNodeAgent() {
    for (Deployment deployment : defaults.all(Deployment.class)) {
      assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
          .as(deployment.getMetadata().getName()).isTrue();
    }
    assertThat(defaults.all(Deployment.class)).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrder(
        "berth-gateway", "berth-engine-service", "berth-image-service", "berth-registry-service");
  }

  @Test
  void imagesAreTheOnesJibPushes() {
    for (Deployable deployable : Deployable.values()) {
      assertThat(container(defaults, deployable).getImage())
          .isEqualTo("127.0.0.1:5000/berth/" + deployable.module() + ":" + VERSION);
      assertThat(container(production, deployable).getImage())
          .isEqualTo("registry.example.com:443/berth/" + deployable.module() + ":" + VERSION);
    }
  }

  @Test
  void environmentMatchesTheServicesProperties() {
    for (RenderedChart chart : new RenderedChart[] {defaults, production}) {
      for (Deployable deployable : Deployable.values()) {
        Container container = container(chart, deployable);
        wiring.check(deployable, chart.environment(container), chart::reachedBy);
      }
    }
  }

  @Test
  void secretsAreNotInConfigMaps() {
    for (RenderedChart chart : new RenderedChart[] {defaults, production}) {
      for (ConfigMap configMap : chart.all(ConfigMap.class)) {
        assertThat(configMap.getData().keySet()).as(configMap.getMetadata().getName())
            .noneMatch(key -> SECRET_NAME.matcher(key).matches());
      }
      chart.podSpecs().values().stream().flatMap(spec -> spec.getContainers().stream())
          .flatMap(container -> container.getEnv().stream())
          .filter(variable -> SECRET_NAME.matcher(variable.getName()).matches())
          .forEach(variable -> assertThat(variable.getValueFrom().getSecretKeyRef()).as(variable.getName()).isNotNull());
    }
    Secret credentials = defaults.get(Secret.class, "berth-credentials");
    assertThat(credentials.getData()).containsKeys("postgresql-password", "registry-token-key");
    assertThat(defaults.environment(container(defaults, Deployable.REGISTRY_SERVICE)))
        .containsEntry("SPRING_DATASOURCE_PASSWORD", "secret:berth-credentials/postgresql-password");
  }

  @Test
  void keepsGeneratedCredentialsAcrossUpgrades() {
    Secret first = defaults.get(Secret.class, "berth-credentials");
    assertThat(RenderedChart.render(CHART, template -> { }).get(Secret.class, "berth-credentials").getData())
        .as("a second install generates new ones").isNotEqualTo(first.getData());
    API.putSecret("berth", "berth-credentials", new KubernetesSerialization().asJson(first));
    RenderedChart upgrade = RenderedChart.render(CHART, template -> template.set("gateway.replicas", 4));
    assertThat(upgrade.get(Secret.class, "berth-credentials").getData()).isEqualTo(first.getData());
    assertThat(RenderedChart.render(CHART, template -> template.set("postgresql.password", "chosen"))
        .get(Secret.class, "berth-credentials").getData())
        .containsEntry("postgresql-password", Base64.getEncoder().encodeToString("chosen".getBytes()))
        .containsEntry("registry-token-key", first.getData().get("registry-token-key"));
  }

  @Test
  void bundlesPostgresqlByDefault() {
    StatefulSet postgres = defaults.get(StatefulSet.class, "berth-postgresql");
    assertThat(postgres.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo("postgres:16");
    assertThat(postgres.getSpec().getVolumeClaimTemplates()).hasSize(1);
    assertThat(defaults.environment(container(defaults, Deployable.ENGINE_SERVICE)))
        .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://berth-postgresql:5432/berth");
    assertThat(defaults.find(Ingress.class, "berth-gateway")).isEmpty();
    assertThat(defaults.all(GenericKubernetesResource.class)).isEmpty();
  }

  @Test
  void storesKeepTheirContentOnClaimsAndEveryServiceHasADisruptionBudget() {
    for (Deployable store : new Deployable[] {Deployable.IMAGE_SERVICE, Deployable.REGISTRY_SERVICE}) {
      String name = RenderedChart.name(store);
      assertThat(defaults.get(PersistentVolumeClaim.class, name).getSpec().getResources().getRequests())
          .containsKey("storage");
      assertThat(defaults.get(Deployment.class, name).getSpec().getTemplate().getSpec().getVolumes())
          .anyMatch(volume -> volume.getPersistentVolumeClaim() != null
              && volume.getPersistentVolumeClaim().getClaimName().equals(name));
      assertThat(production.get(PersistentVolumeClaim.class, name).getSpec().getStorageClassName())
          .isEqualTo("fast-ssd");
    }
    for (Deployment deployment : defaults.all(Deployment.class)) {
      assertThat(defaults.find(PodDisruptionBudget.class, deployment.getMetadata().getName())).isPresent();
      assertThat(defaults.find(Service.class, deployment.getMetadata().getName())).isPresent();
    }
  }

  @Test
  void productionUsesTheExternalDatabaseIngressAndServiceMonitor() {
    assertThat(production.all(StatefulSet.class)).isEmpty();
    Map<String, String> env = production.environment(container(production, Deployable.IMAGE_SERVICE));
    assertThat(env).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres.db.svc.cluster.local:5432/berth")
        .containsEntry("SPRING_DATASOURCE_USERNAME", "berth_app")
        .containsEntry("SPRING_DATASOURCE_PASSWORD", "secret:berth-database/password")
        .containsEntry("BERTH_IMAGE_INSECURE_REGISTRIES", "berth-registry-service:5000,mirror.internal:5000");
    Ingress ingress = production.get(Ingress.class, "berth-gateway");
    assertThat(ingress.getSpec().getTls().getFirst().getSecretName()).isEqualTo("berth-example-com-tls");
    assertThat(ingress.getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend().getService()
        .getName()).isEqualTo("berth-gateway");
    GenericKubernetesResource monitor = production.all(GenericKubernetesResource.class).getFirst();
    assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
    assertThat(production.get(Deployment.class, "berth-gateway").getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void schemaRejectsABadValuesFile() {
    assertThatThrownBy(() -> RenderedChart.render(CHART,
        template -> template.withValuesFile(Path.of("src/test/resources/values-bad.yaml"))))
        .hasMessageContaining("schema")
        .hasMessageContaining("bridge")
        .hasMessageContaining("replicas")
        .hasMessageContaining("registry");
  }

  @Test
  void schemaRequiresAnExternalHostWithoutTheBundledDatabase() {
    assertThatThrownBy(() -> RenderedChart.render(CHART, template -> template.set("postgresql.enabled", false)))
        .hasMessageContaining("host");
  }

  @AfterAll
  static void stopApi() {
    API.close();
  }

  private static Container container(RenderedChart chart, Deployable deployable) {
    return chart.podSpecs().get(RenderedChart.name(deployable)).getContainers().getFirst();
  }
}
