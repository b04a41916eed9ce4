package dev.berth.deploy;

import java.util.Map;

/**
 * Berth's deployables as the deployment files must wire them: port, whether they keep data in PostgreSQL,
 * and which of their variables must address which other deployable.
 */
enum Deployable {

  GATEWAY("gateway", 8080, false),
  ENGINE_SERVICE("engine-service", 8081, true),
  IMAGE_SERVICE("image-service", 8082, true),
  REGISTRY_SERVICE("registry-service", 5000, true),
  NODE_AGENT("node-agent", 8083, false);

  private final String module;
  private final int port;
  private final boolean database;

  Deployable(String module, int port, boolean database) {
    this.module = module;
    this.port = port;
    this.database = database;
  }

  String module() {
    return module;
  }

  int port() {
    return port;
  }

  boolean database() {
    return database;
  }

  /** The variables that must be set and the deployable each one's URL (or host:port) must reach. */
  Map<String, Deployable> links() {
    return switch (this) {
      case GATEWAY -> Map.of("BERTH_GATEWAY_SERVICES_ENGINE", ENGINE_SERVICE,
          "BERTH_GATEWAY_SERVICES_IMAGE", IMAGE_SERVICE, "BERTH_GATEWAY_SERVICES_REGISTRY", REGISTRY_SERVICE);
      case ENGINE_SERVICE -> Map.of("BERTH_ENGINE_IMAGE_SERVICE", IMAGE_SERVICE);
      case IMAGE_SERVICE -> Map.of("BERTH_IMAGE_DEFAULT_REGISTRY", REGISTRY_SERVICE,
          "BERTH_IMAGE_INSECURE_REGISTRIES", REGISTRY_SERVICE);
      case REGISTRY_SERVICE -> Map.of();
      case NODE_AGENT -> Map.of("BERTH_NODE_IMAGE_SERVICE", IMAGE_SERVICE, "BERTH_NODE_ENGINE", ENGINE_SERVICE);
    };
  }

  static Deployable ofModule(String module) {
    for (Deployable deployable : values()) {
      if (deployable.module.equals(module)) {
        return deployable;
      }
    }
    throw new IllegalArgumentException("not a deployable: " + module);
  }
}
