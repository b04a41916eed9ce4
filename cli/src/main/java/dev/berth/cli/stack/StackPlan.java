package dev.berth.cli.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of a local stack in start order — PostgreSQL first, then each deployable of
 * {@link #DEPLOYABLES} whose jar is built — with the environment that wires them together, and
 * what was left out and why.
 *
 * @param services what the supervisor starts, in order (it stops them in reverse)
 * @param notes deployables left out and why (gateway not built, node agent without root)
 * @param errors required deployables whose jar is missing: the stack cannot start
 */
public record StackPlan(List<ServiceSpec> services, List<String> notes, List<String> errors) {

  /** The name of the shared PostgreSQL process. */
  public static final String POSTGRES = "postgres";
  /** The deployable whose seed mode puts busybox and httpd into the registry. */
  public static final String IMAGE_SERVICE = "image-service";
  public static final int GATEWAY_PORT = 8080;
  public static final int REGISTRY_PORT = 5000;

  /**
   * A deployable of the stack: its module (which builds {@code <module>/target/<module>.jar}),
   * port, whether it uses PostgreSQL, needs root, or may be absent, and the environment
   * variables that point it at the others.
   */
  public record Deployable(String module, int port, boolean database, boolean needsRoot, boolean optional,
      Map<String, String> environment) {
  }

  /** Every deployable in start order: each is started once those it calls are healthy. */
  public static final List<Deployable> DEPLOYABLES = List.of(
      new Deployable("registry-service", REGISTRY_PORT, true, false, false, Map.of()),
      new Deployable(IMAGE_SERVICE, 8082, true, false, false,
          Map.of("BERTH_IMAGE_DEFAULT_REGISTRY", "127.0.0.1:" + REGISTRY_PORT,
              "BERTH_IMAGE_ENGINE", "http://127.0.0.1:8081")),
      new Deployable("engine-service", 8081, true, false, false,
          Map.of("BERTH_ENGINE_IMAGE_SERVICE", "http://127.0.0.1:8082")),
      new Deployable("node-agent", 8083, false, true, false,
          Map.of("BERTH_NODE_IMAGE_SERVICE", "http://127.0.0.1:8082", "BERTH_NODE_ENGINE", "http://127.0.0.1:8081")),
      new Deployable("gateway", GATEWAY_PORT, false, false, true,
          Map.of("BERTH_GATEWAY_SERVICES_ENGINE", "http://127.0.0.1:8081",
              "BERTH_GATEWAY_SERVICES_IMAGE", "http://127.0.0.1:8082",
              "BERTH_GATEWAY_SERVICES_REGISTRY", "http://127.0.0.1:" + REGISTRY_PORT)));

  /**
   * The plan for the repository at {@code home}.
   *
   * @param java the java launcher the services run with: this JVM's, whose version decides their {@link AotCache}
   * @param cliJar berth's own jar, which also runs PostgreSQL
   * @param postgresPort the port of the shared PostgreSQL
   * @param root whether the stack runs as root (the node agent needs it)
   */
  public static StackPlan of(Path home, StackLayout layout, Path java, Path cliJar, int postgresPort, boolean root) {
    List<ServiceSpec> services = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    services.add(new ServiceSpec(POSTGRES, postgresPort,
        List.of(java.toString(), "-Xmx128m", "-cp", cliJar.toString(), "dev.berth.cli.Berth", "postgres",
            "--data-dir", layout.dataDir().toString(), "--port", Integer.toString(postgresPort)),
        Map.of(), layout.log(POSTGRES), null));
    for (Deployable deployable : DEPLOYABLES) {
      Path jar = jar(home, deployable.module());
      if (!Files.isRegularFile(jar)) {
        String message = "no " + deployable.module() + " jar at " + jar;
        if (deployable.optional()) {
          notes.add(message + ": starting without " + deployable.module());
        } else {
          errors.add(message + " (build it: ./mvnw -q -B -DskipTests package)");
        }
        continue;
      }
      if (deployable.needsRoot() && !root) {
        notes.add(deployable.module() + " needs root to run containers: starting without it (run berth up as root)");
        continue;
      }
      List<String> command = new ArrayList<>(List.of(java.toString()));
      command.addAll(AotCache.jvmOptions(layout.aotCaches(), deployable.module(), jar, Runtime.version()));
      command.addAll(List.of("-jar", jar.toString()));
      services.add(new ServiceSpec(deployable.module(), deployable.port(), command,
          environment(deployable, layout, postgresPort), layout.log(deployable.module()), "/actuator/health"));
    }
    return new StackPlan(List.copyOf(services), List.copyOf(notes), List.copyOf(errors));
  }

  /** Where {@code module}'s jar is built. */
  public static Path jar(Path home, String module) {
    return home.resolve(module).resolve("target").resolve(module + ".jar");
  }

  /** The JDBC URL of the shared PostgreSQL: every service migrates its own schema in database {@code postgres}. */
  public static String jdbcUrl(int postgresPort) {
    return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
  }

  static Map<String, String> environment(Deployable deployable, StackLayout layout, int postgresPort) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("BERTH_DATA_DIR", layout.serviceData(deployable.module()).toString());
    environment.put("SERVER_ADDRESS", "127.0.0.1");
    environment.put("SERVER_PORT", Integer.toString(deployable.port()));
    // graceful shutdown waits for open requests (the engine's long-lived calls to node agents) this long, not 30 s
    environment.put("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", "10s");
    if (deployable.database()) {
      environment.put("SPRING_DATASOURCE_URL", jdbcUrl(postgresPort));
      environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
      environment.put("SPRING_DATASOURCE_PASSWORD", "");
    }
    environment.putAll(deployable.environment());
    return new HashMap<>(environment);
  }

  /** The service named {@code name}, if the plan runs it. */
  public java.util.Optional<ServiceSpec> service(String name) {
    return services.stream().filter(service -> service.name().equals(name)).findFirst();
  }
}
