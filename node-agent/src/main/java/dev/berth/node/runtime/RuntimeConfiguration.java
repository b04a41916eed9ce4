package dev.berth.node.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the OCI runtime by probing the host, unless configured. */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RuntimeConfiguration.class);

  @Bean
  RuntimeStateDir runtimeStateDir(RuntimeProperties properties) throws IOException {
    return RuntimeStateDir.at(properties.stateDir());
  }

  @Bean
  OciRuntime ociRuntime(RuntimeProperties properties, RuntimeStateDir stateDir) throws IOException {
    String name = properties.name().equals("auto") ? probe(properties) : properties.name();
    String binary = switch (name) {
      case "runc" -> properties.runc();
      case "crun" -> properties.crun();
      default -> throw new IllegalStateException("berth.node.runtime.name must be auto, runc or crun, not " + name);
    };
    Path path = Executables.find(binary)
        .orElseThrow(() -> new IllegalStateException(name + " not found (" + binary + "): install it (Debian: apt-get "
            + "install " + name + ") or set berth.node.runtime." + name));
    Path root = stateDir.runtimeRoot(name);
    Path mounted = stateDir.runtimeBinary(name, path);
    log.info("Launching containers with {} ({}, run read-only from {}) through conmon; runtime state in {}", name,
        path, mounted, root);
    return new OciRuntime(name, mounted, root);
  }

  @Bean
  Conmon conmon(RuntimeProperties properties, RuntimeStateDir stateDir, OciRuntime runtime) throws IOException {
    Path binary = Executables.find(properties.conmon())
        .orElseThrow(() -> new IllegalStateException("conmon not found (" + properties.conmon() + "): install it "
            + "(Debian: apt-get install conmon) or set berth.node.runtime.conmon"));
    return new Conmon(binary, runtime, stateDir.sockets());
  }

  @Bean
  SeccompFilterCache seccompFilterCache(OciRuntime runtime) {
    return new SeccompFilterCache(runtime);
  }

  /**
   * crun when installed (no Go start-up per call: BASELINE has {@code crun run} at 6.6 ms against
   * runc's 16.2 ms), unless the host's cgroups are hybrid with controllers left on cgroup2 that
   * cannot be mounted as v1 hierarchies; runc otherwise.
   */
  private static String probe(RuntimeProperties properties) throws IOException {
    if (Executables.find(properties.crun()).isEmpty()) {
      return "runc";
    }
    CgroupLayout cgroups = new CgroupLayout(Path.of("/sys/fs/cgroup"));
    List<String> unified = cgroups.unifiedControllers();
    if (unified.isEmpty()) {
      return "crun";
    }
    List<String> failed = cgroups.mountAsV1(unified);
    if (!failed.isEmpty()) {
      log.info("cgroup2 holds controllers {} on this hybrid host, which crun refuses, and {} could not be mounted as "
          + "cgroup v1 hierarchies: using runc", unified, failed);
      return "runc";
    }
    log.info("Mounted the cgroup controllers {} as v1 hierarchies (they were on the hybrid host's cgroup2 mount, "
        + "where crun refuses them)", unified);
    return "crun";
  }
}
