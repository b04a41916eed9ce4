package dev.berth.image.importer;

import dev.berth.image.store.ImageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code docker import} on the native API: an image from a root filesystem tarball. */
@RestController
@RequestMapping("/api/v1/images")
@Tag(name = "images")
class ImportController {

  private final ImportService imports;

  ImportController(ImportService imports) {
    this.imports = imports;
  }

  @PostMapping(path = "/import", consumes = "!" + MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "Create an image from a root filesystem tarball",
      description = "The body is a tar archive, plain, gzip or zstd compressed; it becomes the image's only layer. "
          + "Entries with absolute names or '..' components are refused, as are bodies that are not tar archives. "
          + "Send it as application/x-tar or application/octet-stream (a form content type would have the servlet "
          + "container read it as parameters). Answers 201 with the image.")
  @Parameter(name = "change", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
      description = "Dockerfile instructions applied to the config, as docker import --change takes them (CMD, "
          + "ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR); repeat the parameter for each. "
          + "Values are taken whole: commas do not separate them.")
  ResponseEntity<ImageView> importImage(
      @Parameter(description = "repository[:tag] to tag the image with; untagged when absent")
      @RequestParam(required = false) String reference,
      @Parameter(description = "comment of the image's history entry")
      @RequestParam(required = false) String message,
      @Parameter(description = "os/architecture[/variant]; the configured default when absent")
      @RequestParam(required = false) String platform,
      HttpServletRequest request) throws IOException {
    String[] changes = request.getParameterValues("change");
    ImageView image = imports.importImage(request.getInputStream(), new ImportRequest(reference,
        changes == null ? List.of() : List.of(changes), message, platform, Instant.now()));
    return ResponseEntity.status(201).body(image);
  }
}
