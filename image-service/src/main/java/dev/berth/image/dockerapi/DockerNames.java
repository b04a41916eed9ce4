package dev.berth.image.dockerapi;

import dev.berth.image.ImageException;
import dev.berth.image.ImageProperties;
import dev.berth.oci.Reference;
import dev.berth.oci.InvalidReferenceException;
import org.springframework.stereotype.Component;

/**
 * Image names and registry addresses as Docker clients send them, onto the store's. The docker CLI
 * qualifies the names it pulls and tags with Docker Hub ({@code docker.io/library/x} for
 * {@code x}) and logs in to {@code https://index.docker.io/v1/} when given no server; to Berth an
 * unqualified name means the default registry, so Docker Hub names and addresses denote it.
 */
@Component
class DockerNames {

  private static final String HUB_LOGIN = "index.docker.io";

  private final String defaultRegistry;

  DockerNames(ImageProperties properties) {
    this.defaultRegistry = properties.defaultRegistry();
  }

  /** {@code name} (a reference, image ID or ID prefix) as the store resolves it. */
  String local(String name) {
    if (name == null || !(name.startsWith(Reference.DOCKER_HUB + "/") || name.startsWith(HUB_LOGIN + "/"))) {
      return name;
    }
    try {
      return reference(name).toString();
    } catch (ImageException.InvalidArgument e) {
      return name;
    }
  }

  /** {@code name} parsed against the default registry, Docker Hub names moved onto it. */
  Reference reference(String name) {
    try {
      Reference parsed = Reference.parse(name, defaultRegistry);
      return Reference.DOCKER_HUB.equals(parsed.registry())
          ? new Reference(defaultRegistry, parsed.repository(), parsed.tag(), parsed.digest())
          : parsed;
    } catch (InvalidReferenceException e) {
      throw new ImageException.InvalidArgument("invalid reference format: " + e.getMessage(), e);
    }
  }

  /**
   * The registry a {@code docker login} server address names: scheme and path dropped
   * ({@code https://index.docker.io/v1/} is {@code index.docker.io}); none or Docker Hub is the
   * default registry.
   */
  String registry(String serverAddress) {
    String host = serverAddress == null ? "" : serverAddress.strip().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
    int slash = host.indexOf('/');
    host = slash < 0 ? host : host.substring(0, slash);
    return host.isEmpty() || host.equals(HUB_LOGIN) || host.equals(Reference.DOCKER_HUB)
        || host.equals("registry-1.docker.io") ? defaultRegistry : host;
  }
}
