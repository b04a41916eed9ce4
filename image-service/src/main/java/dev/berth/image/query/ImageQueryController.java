package dev.berth.image.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** History and disk usage of the local images. */
@RestController
@RequestMapping("/api/v1/images")
@Tag(name = "images")
class ImageQueryController {

  private final ImageQueryService queries;

  ImageQueryController(ImageQueryService queries) {
    this.queries = queries;
  }

  @GetMapping("/history")
  @Operation(summary = "The history of an image, newest step first (docker history)",
      description = "One row per history entry of the image config; size is the unpacked size of the layer the "
          + "step produced (0 for steps without one); the newest row carries the image ID and tags.")
  List<HistoryEntry> history(@RequestParam String name) {
    return queries.history(name);
  }

  @GetMapping("/disk-usage")
  @Operation(summary = "Disk taken by images: all blobs, per image (shared and unique), reclaimable by prune")
  DiskUsage diskUsage() {
    return queries.diskUsage();
  }
}
