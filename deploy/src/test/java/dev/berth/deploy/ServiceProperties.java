package dev.berth.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The properties a deployable reads, found in its compiled {@code @ConfigurationProperties} records (and the
 * platform's, which every service shares), and the environment variables that set them under Spring Boot's
 * relaxed binding: {@code berth.node.runtime.state-dir} is {@code BERTH_NODE_RUNTIME_STATE_DIR} or
 * {@code BERTH_NODE_RUNTIME_STATEDIR}; a map's keys follow its name ({@code BERTH_ENGINE_NODES_<NAME>}).
 */
final class ServiceProperties {

  /** The Spring Boot properties deployment files set, beside the services' own. */
  private static final Set<String> SPRING = Set.of("server.port", "spring.datasource.url",
      "spring.datasource.username", "spring.datasource.password", "management.endpoint.health.probes.enabled");

  /** The gateway's contract while its module is not in this tree (DESIGN: berth.gateway.services.*). */
  private static final Set<String> GATEWAY_CONTRACT = Set.of("berth.gateway.services.engine",
      "berth.gateway.services.image", "berth.gateway.services.registry");

  private final Set<String> names;

  private ServiceProperties(Set<String> names) {
    this.names = names;
  }

  /** The properties of {@code module}, read from {@code <root>/<module>/target/classes}. */
  static ServiceProperties of(Path root, String module) {
    Set<String> names = new TreeSet<>(SPRING);
    Path classes = root.resolve(module).resolve("target/classes");
    if (module.equals("gateway") && !Files.isDirectory(classes)) {
      names.addAll(GATEWAY_CONTRACT);
      return new ServiceProperties(names);
    }
    List<Path> roots = List.of(classes, root.resolve("platform/target/classes"), root.resolve("oci/target/classes"));
    try (URLClassLoader loader = new URLClassLoader(urls(roots), ServiceProperties.class.getClassLoader())) {
      for (Path dir : List.of(classes, root.resolve("platform/target/classes"))) {
        for (String className : propertiesClasses(dir)) {
          Class<?> type = Class.forName(className, false, loader);
          ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
          if (annotation != null) {
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            collect(prefix, type, names);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    if (names.size() == SPRING.size()) {
      throw new IllegalStateException("no @ConfigurationProperties in " + classes + ": build " + module + " first");
    }
    return new ServiceProperties(names);
  }

  /** Property names, {@code .*} ending a map's. */
  Set<String> names() {
    return names;
  }

  /** Whether the environment variable {@code variable} sets one of these properties. */
  boolean bindsVariable(String variable) {
    return names.stream().anyMatch(name -> name.endsWith(".*")
        ? variable.startsWith(legacy(name.substring(0, name.length() - 2)) + "_")
        : variable.equals(legacy(name)) || variable.equals(canonical(name)));
  }

  /** {@code berth.node.runtime.state-dir} → {@code BERTH_NODE_RUNTIME_STATE_DIR} */
  static String legacy(String property) {
    return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** {@code berth.node.runtime.state-dir} → {@code BERTH_NODE_RUNTIME_STATEDIR} */
  static String canonical(String property) {
    return property.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
  }

  private static void collect(String prefix, Class<?> type, Set<String> names) {
    if (!type.isRecord()) {
      throw new IllegalStateException(type + " is not a record: only records are read");
    }
    for (RecordComponent component : type.getRecordComponents()) {
      String name = prefix + "." + kebab(component.getName());
      Class<?> componentType = component.getType();
      if (Map.class.isAssignableFrom(componentType)) {
        names.add(name + ".*");
      } else if (componentType.isRecord() && componentType.getName().startsWith("dev.berth.")) {
        collect(name, componentType, names);
      } else {
        names.add(name);
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static List<String> propertiesClasses(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(dir::relativize).map(Path::toString)
          .filter(file -> file.endsWith("Properties.class") && !file.contains("$"))
          .map(file -> file.substring(0, file.length() - ".class".length()).replace('/', '.'))
          .toList();
    }
  }

  private static URL[] urls(List<Path> dirs) throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (Path dir : dirs) {
      urls.add(dir.toUri().toURL());
    }
    return urls.toArray(URL[]::new);
  }
}
