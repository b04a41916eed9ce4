package dev.berth.engine.dockerapi;

import dev.berth.engine.container.ContainerEntity;
import dev.berth.engine.container.Containers;
import dev.berth.engine.container.EngineException;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.OciJson;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /containers/create}: Docker's create body (Config at the top level, HostConfig,
 * NetworkingConfig) becomes a container placed on the node its {@code berth.node} label names, or
 * on the least loaded one. A missing image is 404 {@code No such image: name:tag}, which makes the
 * docker CLI pull and retry.
 */
@RestController
class DockerCreateController {

  /** The label that pins a container to a node. */
  static final String NODE_LABEL = "berth.node";

  private final Containers containers;
  private final ImageLookup images;

  DockerCreateController(Containers containers, ImageLookup images) {
    this.containers = containers;
    this.images = images;
  }

  @PostMapping("/containers/create")
  ResponseEntity<CreateResponse> create(@RequestParam(required = false) String name, @RequestBody JsonNode body) {
    if (!body.isObject()) {
      throw new EngineException.InvalidArgument("invalid JSON: the create body must be an object");
    }
    ContainerConfig config = read(body, ContainerConfig.class);
    HostConfig host = body.path("HostConfig").isObject() ? read(body.path("HostConfig"), HostConfig.class)
        : HostConfig.empty();
    if (config.image() == null || config.image().isBlank()) {
      throw new EngineException.InvalidArgument("No image specified");
    }
    ImageConfig.Config image = images.find(config.image())
        .orElseThrow(() -> new EngineException.NotFound("No such image: " + familiar(config.image())));
    String node = config.labels() == null ? null : config.labels().get(NODE_LABEL);
    ContainerEntity created = containers.create(ContainerSpecs.from(name, config, host, image), node,
        new CreateBody(config, host).toJson());
    return ResponseEntity.status(HttpStatus.CREATED).body(new CreateResponse(created.id(), List.of()));
  }

  private static <T> T read(JsonNode json, Class<T> type) {
    try {
      return OciJson.mapper().treeToValue(json, type);
    } catch (JacksonException e) {
      throw new EngineException.InvalidArgument("invalid JSON: " + e.getOriginalMessage());
    }
  }

  /** Docker names a missing image with its tag: {@code httpd} is {@code httpd:latest}. */
  static String familiar(String reference) {
    if (reference.contains("@") || reference.startsWith("sha256:")) {
      return reference;
    }
    int slash = reference.lastIndexOf('/');
    return reference.indexOf(':', slash + 1) >= 0 ? reference : reference + ":latest";
  }
}
