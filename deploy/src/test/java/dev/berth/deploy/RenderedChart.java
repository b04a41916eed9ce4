package dev.berth.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The chart rendered by {@code helm template} (helm-java), each manifest parsed with the fabric8 model. */
record RenderedChart(List<HasMetadata> manifests) {

  static final String RELEASE = "berth";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** Renders {@code chart} as release {@link #RELEASE} in namespace berth, with the options {@code values} adds. */
  static RenderedChart render(Path chart, Consumer<TemplateCommand> values) {
    TemplateCommand template = new Helm(chart).template().withName(RELEASE).withNamespace("berth");
    values.accept(template);
    List<HasMetadata> manifests = new ArrayList<>();
    for (String document : template.call().split("(?m)^---\\s*$")) {
      if (document.lines().anyMatch(line -> !line.isBlank() && !line.startsWith("#"))) {
        manifests.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
      }
    }
    return new RenderedChart(List.copyOf(manifests));
  }

  <T extends HasMetadata> List<T> all(Class<T> kind) {
    return manifests.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
    return all(kind).stream().filter(manifest -> manifest.getMetadata().getName().equals(name)).findFirst();
  }

  <T extends HasMetadata> T get(Class<T> kind, String name) {
    return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name
        + " among " + manifests.stream().map(m -> m.getKind() + "/" + m.getMetadata().getName()).toList()));
  }

  /** Every workload's pod spec, by workload name. */
  Map<String, PodSpec> podSpecs() {
    Map<String, PodSpec> specs = new LinkedHashMap<>();
    all(Deployment.class).forEach(d -> specs.put(d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
    all(DaemonSet.class).forEach(d -> specs.put(d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
    all(StatefulSet.class).forEach(s -> specs.put(s.getMetadata().getName(), s.getSpec().getTemplate().getSpec()));
    return specs;
  }

  /**
   * A container's environment as it starts: its ConfigMaps ({@code envFrom}) then its own {@code env}; a
   * variable taken from a Secret reads {@code secret:<name>/<key>}, one from the pod's fields {@code field:<path>}.
   */
  Map<String, String> environment(Container container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource source : container.getEnvFrom()) {
      if (source.getConfigMapRef() != null) {
        env.putAll(get(ConfigMap.class, source.getConfigMapRef().getName()).getData());
      } else {
        throw new AssertionError(container.getName() + " takes a whole Secret into its environment");
      }
    }
    for (EnvVar variable : container.getEnv()) {
      if (variable.getValue() != null) {
        env.put(variable.getName(), variable.getValue());
      } else if (variable.getValueFrom().getSecretKeyRef() != null) {
        var ref = variable.getValueFrom().getSecretKeyRef();
        env.put(variable.getName(), "secret:" + ref.getName() + "/" + ref.getKey());
      } else if (variable.getValueFrom().getFieldRef() != null) {
        env.put(variable.getName(), "field:" + variable.getValueFrom().getFieldRef().getFieldPath());
      } else {
        throw new AssertionError(container.getName() + "'s " + variable.getName() + " comes from " + variable);
      }
    }
    return env;
  }

  /** The deployable a Service name reaches, by its component label; null when it is not one. */
  Deployable reachedBy(String host) {
    return find(Service.class, host)
        .map(service -> service.getMetadata().getLabels().get("app.kubernetes.io/component"))
        .flatMap(component -> java.util.Arrays.stream(Deployable.values())
            .filter(d -> d.module().equals(component)).findFirst())
        .orElse(null);
  }

  static String name(Deployable deployable) {
    return RELEASE + "-" + deployable.module();
  }
}
