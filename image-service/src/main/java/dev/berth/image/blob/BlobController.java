package dev.berth.image.blob;

import dev.berth.image.ImageException;
import dev.berth.image.store.BlobRepository;
import dev.berth.image.store.BlobSweep;
import dev.berth.oci.Digest;
import dev.berth.oci.InvalidDigestException;
import dev.berth.oci.content.ContentStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Serves stored blobs (layers, configs, manifests) by digest; Spring MVC answers {@code Range} and {@code HEAD}. */
@RestController
@Tag(name = "blobs")
class BlobController {

  private final BlobRepository blobs;
  private final ContentStore content;
  private final BlobSweep sweep;

  BlobController(BlobRepository blobs, ContentStore content, BlobSweep sweep) {
    this.blobs = blobs;
    this.content = content;
    this.sweep = sweep;
  }

  @PostMapping("/api/v1/blobs/sweep")
  @Operation(summary = "Remove stored blobs no image uses",
      description = "Blobs used within the grace period (the configured one unless gracePeriod is given, as an "
          + "ISO-8601 duration such as PT10M) are kept, and so are unfinished ingest files younger than it. "
          + "Runs on a schedule too (berth.image.blob-sweep.interval).")
  BlobSweep.Swept sweep(@RequestParam(required = false) Duration gracePeriod) {
    if (gracePeriod != null && gracePeriod.isNegative()) {
      throw new ImageException.InvalidArgument("gracePeriod must not be negative");
    }
    return gracePeriod == null ? sweep.sweep() : sweep.sweep(gracePeriod);
  }

  @GetMapping("/api/v1/blobs/{digest}")
  @Operation(summary = "A blob by digest, for node agents", description = "Supports Range requests.")
  ResponseEntity<Resource> get(@PathVariable String digest) {
    Digest parsed;
    try {
      parsed = Digest.parse(digest);
    } catch (InvalidDigestException e) {
      throw new ImageException.InvalidArgument(e.getMessage(), e);
    }
    String mediaType = blobs.findById(parsed.toString())
        .orElseThrow(() -> new ImageException.NotFound("no blob " + digest)).mediaType();
    Path file = content.find(parsed).orElseThrow(() -> new ImageException.NotFound("no blob " + digest));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header("Docker-Content-Digest", parsed.toString())
        .header("OCI-Media-Type", mediaType)
        .eTag("\"" + parsed + "\"")
        .body(new FileSystemResource(file));
  }
}
