package dev.berth.image.push;

import dev.berth.image.progress.ProgressResponse;
import dev.berth.oci.OciJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code docker push} on the native API, with streamed progress. */
@RestController
@RequestMapping("/api/v1/images")
@Tag(name = "images")
class PushController {

  private final PushService pushes;

  PushController(PushService pushes) {
    this.pushes = pushes;
  }

  @PostMapping("/push")
  @Operation(summary = "Push an image to the registry its name denotes",
      description = "Streams progress as application/x-ndjson, one Progress per line: PUSH_REFERS_TO, PREPARING per "
          + "layer, then LAYER_ALREADY_EXISTS, MOUNTED_FROM or PUSHING and PUSHED, the last one PUSH_DIGEST (id the "
          + "tag, detail the manifest digest, total its size), or {\"error\":...} when the push failed after it "
          + "started. An image not stored locally under that tag is a plain 404.")
  void push(@RequestParam String reference, HttpServletResponse response) throws IOException {
    ProgressResponse progress = new ProgressResponse(response, "application/x-ndjson",
        event -> OciJson.mapper().writeValueAsBytes(event));
    try {
      pushes.push(reference, progress);
    } catch (RuntimeException e) {
      if (!progress.started()) {
        throw e;
      }
      progress.finish(OciJson.mapper().writeValueAsBytes(Map.of("error", String.valueOf(e.getMessage()))));
    }
  }
}
