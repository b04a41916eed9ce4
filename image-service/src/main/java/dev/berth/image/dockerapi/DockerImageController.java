package dev.berth.image.dockerapi;

import static dev.berth.image.dockerapi.DockerRoutingFilter.IMAGE_NAME;
import static dev.berth.image.dockerapi.DockerRoutingFilter.NAME_ROUTE;

import dev.berth.image.ImageException;
import dev.berth.image.progress.ProgressResponse;
import dev.berth.image.query.ImageFilters;
import dev.berth.image.query.ImageQueryService;
import dev.berth.image.pull.PullService;
import dev.berth.image.store.ImageEntity;
import dev.berth.image.store.ImageRemoval;
import dev.berth.image.store.ImageStore;
import dev.berth.image.store.ImageView;
import dev.berth.oci.Digest;
import dev.berth.oci.InvalidReferenceException;
import dev.berth.oci.OciJson;
import dev.berth.oci.Reference;
import dev.berth.oci.content.ContentStore;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Docker's image resource: {@code docker images}, {@code pull}, {@code image inspect},
 * {@code history}, {@code tag}, {@code rmi} and {@code image prune}. Name-scoped routes arrive
 * through {@link DockerRoutingFilter} with the name in a request attribute. There are no
 * intermediate (parent) images here, so {@code all} on the list and {@code noprune} on removal
 * change nothing.
 */
@RestController
class DockerImageController {

  private static final Logger log = LoggerFactory.getLogger(DockerImageController.class);

  private final ImageStore store;
  private final ImageRemoval removal;
  private final PullService pulls;
  private final ContentStore content;
  private final DockerNames names;
  private final ImageQueryService queries;

  DockerImageController(ImageStore store, ImageRemoval removal, PullService pulls, ContentStore content,
      DockerNames names, ImageQueryService queries) {
    this.store = store;
    this.removal = removal;
    this.pulls = pulls;
    this.content = content;
    this.names = names;
    this.queries = queries;
  }

  @GetMapping("/images/json")
  List<ImageSummaryResponse> list(@RequestParam(required = false) String filters) {
    ImageFilters given = ImageFilter.of(Filters.parse(filters).accept(ImageFilter.LIST), null, Instant.now());
    return queries.list(given).stream().map(ImageSummaryResponse::of).toList();
  }

  /**
   * {@code docker pull}: {@code fromImage} may carry the tag, {@code tag} may be a digest. Failures
   * before the manifest resolved are plain HTTP errors; later ones end the stream with an
   * {@code errorDetail} message.
   */
  @PostMapping("/images/create")
  void create(@RequestParam(required = false) String fromImage, @RequestParam(required = false) String fromSrc,
      @RequestParam(required = false) String tag, @RequestParam(required = false) String platform,
      @RequestHeader(name = "X-Registry-Auth", required = false) String registryAuth,
      HttpServletResponse response) throws IOException {
    if (fromSrc != null && !fromSrc.isEmpty()) {
      throw new ImageException.InvalidArgument("importing images (fromSrc) is not supported; "
          + "pull an image with fromImage instead");
    }
    if (fromImage == null || fromImage.isEmpty()) {
      throw new ImageException.InvalidArgument("fromImage is required");
    }
    Reference reference = pullReference(fromImage, tag);
    ProgressResponse progress = new ProgressResponse(response, MediaType.APPLICATION_JSON_VALUE,
        new PullMessages(reference));
    try {
      pulls.pull(reference.toString(), platform, AuthConfig.credentialsOf(registryAuth).orElse(null), progress);
    } catch (RuntimeException e) {
      if (!progress.started()) {
        throw e;
      }
      log.warn("pull of {} failed: {}", reference, e.getMessage(), e.getCause());
      progress.finish(OciJson.mapper().writeValueAsBytes(JsonMessage.error(String.valueOf(e.getMessage()))));
    }
  }

  @GetMapping(NAME_ROUTE + "/json")
  ImageInspectResponse inspect(@RequestAttribute(IMAGE_NAME) String name) throws IOException {
    ImageView image = store.inspect(names.local(name));
    JsonNode config = OciJson.mapper().readTree(Files.readAllBytes(content.find(Digest.parse(image.id()))
        .orElseThrow(() -> new ImageException.NotFound("config of image " + image.id() + " is missing"))));
    return ImageInspectResponse.of(image, text(config, "comment"), text(config, "docker_version"));
  }

  @GetMapping(NAME_ROUTE + "/history")
  List<HistoryItemResponse> history(@RequestAttribute(IMAGE_NAME) String name) {
    return queries.history(names.local(name)).stream().map(HistoryItemResponse::of).toList();
  }


  /** {@code docker tag}: {@code repo} may be Docker Hub-qualified and carry the tag; {@code tag} defaults to latest. */
  @PostMapping(NAME_ROUTE + "/tag")
  ResponseEntity<Void> tag(@RequestAttribute(IMAGE_NAME) String name, @RequestParam(required = false) String repo,
      @RequestParam(required = false) String tag) {
    Reference target = names.reference(repo == null ? "" : repo);
    if (tag != null && !tag.isEmpty()) {
      try {
        target = target.withTag(tag);
      } catch (InvalidReferenceException e) {
        throw new ImageException.InvalidArgument("invalid tag format: " + tag, e);
      }
    }
    store.tag(names.local(name), target.toString());
    return ResponseEntity.status(201).build();
  }

  @DeleteMapping(NAME_ROUTE)
  List<DeleteItemResponse> remove(@RequestAttribute(IMAGE_NAME) String name,
      @RequestParam(defaultValue = "false") boolean force) {
    return DeleteItemResponse.of(removal.remove(names.local(name), force));
  }

  /**
   * {@code docker image prune}: images without tags, or with {@code dangling=false} every image,
   * that pass the other filters; images containers use are left.
   */
  @PostMapping("/images/prune")
  PruneResponse prune(@RequestParam(required = false) String filters) {
    ImageFilters given = ImageFilter.of(Filters.parse(filters).accept(ImageFilter.PRUNE), true, Instant.now());
    ImageRemoval.Removed removed = removal.prune(queries.list(given).stream().map(ImageView::id).toList());
    return new PruneResponse(DeleteItemResponse.of(removed), removed.reclaimedBytes());
  }

  private Reference pullReference(String fromImage, String tag) {
    Reference reference = names.reference(fromImage);
    if (tag == null || tag.isEmpty()) {
      return reference;
    }
    try {
      return Digest.isDigest(tag) ? reference.withTag(null).withDigest(Digest.parse(tag)) : reference.withTag(tag);
    } catch (InvalidReferenceException e) {
      throw new ImageException.InvalidArgument("invalid tag format: " + tag, e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }
}
