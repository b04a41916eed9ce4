package dev.berth.node.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the OCI runtime by probing the host, unless configured. */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RuntimeConfiguration.class);

  @Bean
  OciRuntime ociRuntime(RuntimeProperties properties) throws IOException {
    String name = properties.name().equals("auto") ? probe(properties) : properties.name();
    String binary = switch (name) {
      case "runc" -> properties.runc();
      case "crun" -> properties.crun();
      default -> throw new IllegalStateException("berth.node.runtime.name must be auto, runc or crun, not " + name);
    };
    Path path = Executables.find(binary)
        .orElseThrow(() -> new IllegalStateException(name + " not found (" + binary + "): install it (Debian: apt-get "
            + "install " + name + ") or set berth.node.runtime." + name));
    Path root = Files.createDirectories(properties.stateDir().resolve(name));
    log.info("Launching containers with {} ({}) through conmon; runtime state in {}", name, path, root);
    return new OciRuntime(name, path, root);
  }

  @Bean
  Conmon conmon(RuntimeProperties properties, OciRuntime runtime) throws IOException {
    Path binary = Executables.find(properties.conmon())
        .orElseThrow(() -> new IllegalStateException("conmon not found (" + properties.conmon() + "): install it "
            + "(Debian: apt-get install conmon) or set berth.node.runtime.conmon"));
    return new Conmon(binary, runtime, Files.createDirectories(properties.stateDir().resolve("sockets")));
  }

  /** crun where cgroup v2 is pure (runc refuses nothing there, but crun is faster); runc otherwise. */
  private static String probe(RuntimeProperties properties) {
    boolean pureCgroupV2 = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
    Optional<Path> crun = Executables.find(properties.crun());
    return pureCgroupV2 && crun.isPresent() ? "crun" : "runc";
  }
}
