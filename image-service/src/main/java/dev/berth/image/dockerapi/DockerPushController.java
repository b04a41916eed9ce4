package dev.berth.image.dockerapi;

import static dev.berth.image.dockerapi.DockerRoutingFilter.IMAGE_NAME;
import static dev.berth.image.dockerapi.DockerRoutingFilter.NAME_ROUTE;

import dev.berth.image.progress.ProgressResponse;
import dev.berth.image.push.PushService;
import dev.berth.oci.OciJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /images/{name}/push?tag=}: {@code docker push}, with the credentials of
 * {@code X-Registry-Auth}. As with dockerd every failure, a missing local image included, is
 * reported inside the 200 stream.
 */
@RestController
class DockerPushController {

  private static final Logger log = LoggerFactory.getLogger(DockerPushController.class);

  private final PushService pushes;
  private final DockerNames names;

  DockerPushController(PushService pushes, DockerNames names) {
    this.pushes = pushes;
    this.names = names;
  }

  @PostMapping(NAME_ROUTE + "/push")
  void push(@RequestAttribute(IMAGE_NAME) String name, @RequestParam(required = false) String tag,
      @RequestHeader(name = "X-Registry-Auth", required = false) String registryAuth,
      HttpServletResponse response) throws IOException {
    String reference = names.local(tag == null || tag.isEmpty() ? name : name + ":" + tag);
    ProgressResponse progress = new ProgressResponse(response, MediaType.APPLICATION_JSON_VALUE, new PushMessages());
    try {
      pushes.push(reference, AuthConfig.credentialsOf(registryAuth).orElse(null), progress);
    } catch (RuntimeException e) {
      log.debug("push of {} failed: {}", reference, e.getMessage());
      progress.finish(OciJson.mapper().writeValueAsBytes(JsonMessage.error(String.valueOf(e.getMessage()))));
    }
  }
}
