package dev.berth.node.it;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.HostOptions;
import dev.berth.node.api.PortBinding;
import dev.berth.node.api.Resources;
import dev.berth.node.api.RestartPolicy;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Container specs for the tests, built up one option at a time. */
record Specs(String id, String name, String image, List<String> cmd, List<String> env, String user, String workingDir,
    String networkMode, List<PortBinding> ports, Resources resources, RestartPolicy restartPolicy,
    Integer stopTimeout) {

  private static final SecureRandom RANDOM = new SecureRandom();

  static Specs of(String image, String... cmd) {
    byte[] id = new byte[32];
    RANDOM.nextBytes(id);
    String hex = HexFormat.of().formatHex(id);
    return new Specs(hex, "it-" + hex.substring(0, 12), image, List.of(cmd), List.of(), null, null, "none", List.of(),
        Resources.none(), RestartPolicy.no(), null);
  }

  static Specs shell(String image, String script) {
    return of(image, "sh", "-c", script);
  }

  Specs env(String... entries) {
    return new Specs(id, name, image, cmd, List.of(entries), user, workingDir, networkMode, ports, resources,
        restartPolicy, stopTimeout);
  }

  Specs user(String newUser) {
    return new Specs(id, name, image, cmd, env, newUser, workingDir, networkMode, ports, resources, restartPolicy,
        stopTimeout);
  }

  Specs workingDir(String dir) {
    return new Specs(id, name, image, cmd, env, user, dir, networkMode, ports, resources, restartPolicy, stopTimeout);
  }

  Specs bridge(PortBinding... published) {
    return new Specs(id, name, image, cmd, env, user, workingDir, "bridge", List.of(published), resources,
        restartPolicy, stopTimeout);
  }

  Specs resources(Resources limits) {
    return new Specs(id, name, image, cmd, env, user, workingDir, networkMode, ports, limits, restartPolicy,
        stopTimeout);
  }

  Specs restart(String policy, int maximumRetryCount) {
    return new Specs(id, name, image, cmd, env, user, workingDir, networkMode, ports, resources,
        new RestartPolicy(policy, maximumRetryCount), stopTimeout);
  }

  Specs stopTimeout(int seconds) {
    return new Specs(id, name, image, cmd, env, user, workingDir, networkMode, ports, resources, restartPolicy,
        seconds);
  }

  ContainerSpec build() {
    HostOptions defaults = HostOptions.defaults();
    HostOptions host = new HostOptions(List.of(), networkMode, ports, List.of(), List.of(), List.of(), List.of(),
        resources, restartPolicy, false, List.of(), List.of(), false, List.of(), defaults.autoRemove());
    return new ContainerSpec(id, name, image, null, cmd, env, workingDir, user, null, null, false, false, null,
        stopTimeout, Map.of(), host);
  }
}
