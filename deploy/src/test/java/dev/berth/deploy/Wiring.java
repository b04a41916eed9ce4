package dev.berth.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks compose and the Helm chart share: a deployable's environment sets only variables its properties
 * bind, all that it needs, and addresses the right services on their ports.
 */
final class Wiring {

  /** Variables that are not properties but are referenced by others ({@code $(HOST_IP)} in Kubernetes). */
  private static final Set<String> HELPERS = Set.of("HOST_IP");

  private final Path root;
  private final Map<Deployable, ServiceProperties> properties = new EnumMap<>(Deployable.class);

  Wiring(Path root) {
    this.root = root;
  }

  /**
   * Checks {@code env} of {@code service}; {@code hosts} tells which deployable a host name reaches (null: none).
   */
  void check(Deployable service, Map<String, String> env, Function<String, Deployable> hosts) {
    ServiceProperties known = properties.computeIfAbsent(service,
        deployable -> ServiceProperties.of(root, deployable.module()));
    assertThat(env.keySet().stream().filter(name -> !HELPERS.contains(name) && !known.bindsVariable(name)))
        .as("%s's variables that no property of it binds (it reads %s)", service, known.names()).isEmpty();
    assertThat(env).as("%s's port", service).containsEntry("SERVER_PORT", String.valueOf(service.port()));
    if (service.database()) {
      assertThat(env).as("%s's database", service)
          .containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
      assertThat(env.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://");
    }
    service.links().forEach((variable, target) -> {
      assertThat(env).as("%s must set %s", service, variable).containsKey(variable);
      String first = env.get(variable).split(",")[0];
      URI uri = URI.create(first.contains("://") ? first : "http://" + first);
      assertThat(hosts.apply(uri.getHost())).as("%s=%s reaches", variable, first).isEqualTo(target);
      assertThat(uri.getPort()).as("%s=%s's port", variable, first).isEqualTo(target.port());
    });
  }
}
