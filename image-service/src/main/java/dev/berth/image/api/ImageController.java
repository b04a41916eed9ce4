package dev.berth.image.api;

import dev.berth.image.progress.ProgressResponse;
import dev.berth.image.pull.PullService;
import dev.berth.image.query.ImageFilters;
import dev.berth.image.query.ImageQueryService;
import dev.berth.image.store.ImageRemoval;
import dev.berth.image.store.ImageStore;
import dev.berth.image.store.ImageView;
import dev.berth.oci.OciJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The local images: list, inspect, pull, tag, remove, prune. */
@RestController
@RequestMapping("/api/v1/images")
@Tag(name = "images")
class ImageController {

  private final ImageStore store;
  private final ImageRemoval removal;
  private final PullService pulls;
  private final ImageQueryService queries;

  ImageController(ImageStore store, ImageRemoval removal, PullService pulls, ImageQueryService queries) {
    this.store = store;
    this.removal = removal;
    this.pulls = pulls;
    this.queries = queries;
  }

  @GetMapping
  @Operation(summary = "List the local images, newest first, narrowed by docker's filters")
  List<ImageView> list(@ParameterObject ImageFilters filters) {
    return queries.list(filters);
  }

  @GetMapping("/{*name}")
  @Operation(summary = "Inspect an image by ID, ID prefix, name:tag or name@digest")
  ImageView inspect(@PathVariable String name) {
    return store.inspect(name.substring(1));
  }

  @PostMapping("/pull")
  @Operation(summary = "Pull an image from its registry",
      description = "Streams progress as application/x-ndjson, one Progress per line, the last one "
          + "DOWNLOADED_NEWER_IMAGE or IMAGE_IS_UP_TO_DATE, or {\"error\":...} when the pull failed after it "
          + "started. Unknown images and refused credentials are plain HTTP errors.")
  void pull(@RequestParam String reference, @RequestParam(required = false) String platform,
      HttpServletResponse response) throws IOException {
    ProgressResponse progress = new ProgressResponse(response, "application/x-ndjson",
        event -> OciJson.mapper().writeValueAsBytes(event));
    try {
      pulls.pull(reference, platform, progress);
    } catch (RuntimeException e) {
      if (!progress.started()) {
        throw e;
      }
      progress.finish(OciJson.mapper().writeValueAsBytes(Map.of("error", String.valueOf(e.getMessage()))));
    }
  }

  @PostMapping("/tag")
  @Operation(summary = "Tag an image: target names a repository with an optional tag")
  ResponseEntity<Void> tag(@RequestParam String source, @RequestParam String target) {
    store.tag(source, target);
    return ResponseEntity.status(201).build();
  }

  @DeleteMapping("/{*name}")
  @Operation(summary = "Remove an image or one of its tags",
      description = "A name that is one of several tags of an image only untags it; an image tagged in "
          + "several repositories is removed by ID only with force; an image containers use is not removed.")
  ImageRemoval.Removed remove(@PathVariable String name, @RequestParam(defaultValue = "false") boolean force) {
    return removal.remove(name.substring(1), force);
  }

  @PostMapping("/prune")
  @Operation(summary = "Remove every image without tags that no container uses")
  ImageRemoval.Removed prune() {
    return removal.prune(queries.list(ImageFilters.danglingOnly()).stream().map(ImageView::id).toList());
  }
}
