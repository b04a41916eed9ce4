package dev.berth.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A deployable the suites start: its module, the system property naming its jar (set by the
 * failsafe configuration of the module that starts it, so {@code -Dberth.<service>.jar=PATH} tests
 * another build), and the path that answers 200 once it serves.
 */
public enum ServiceJar {

  REGISTRY_SERVICE("registry-service", "berth.registry.jar", "/v2/"),
  IMAGE_SERVICE("image-service", "berth.image.jar", "/actuator/health"),
  NODE_AGENT("node-agent", "berth.node.jar", "/actuator/health"),
  ENGINE_SERVICE("engine-service", "berth.engine.jar", "/actuator/health"),
  GATEWAY("gateway", "berth.gateway.jar", "/actuator/health");

  private final String module;
  private final String jarProperty;
  private final String readinessPath;

  ServiceJar(String module, String jarProperty, String readinessPath) {
    this.module = module;
    this.jarProperty = jarProperty;
    this.readinessPath = readinessPath;
  }

  public String module() {
    return module;
  }

  public String readinessPath() {
    return readinessPath;
  }

  /** The jar named by its system property, or the module's own build output. */
  public Path jar() {
    Path jar = Path.of(System.getProperty(jarProperty, "../" + module + "/target/" + module + ".jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no %s jar at %s: package %s first, or pass -D%s=PATH"
          .formatted(module, jar.toAbsolutePath(), module, jarProperty));
    }
    return jar;
  }
}
