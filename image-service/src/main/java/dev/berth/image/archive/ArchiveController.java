package dev.berth.image.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Save images to a tar archive and load them from one. */
@RestController
@RequestMapping("/api/v1/images")
@Tag(name = "images")
class ArchiveController {

  private static final String TAR = "application/x-tar";

  private final SaveService saves;
  private final LoadService loads;

  ArchiveController(SaveService saves, LoadService loads) {
    this.saves = saves;
    this.loads = loads;
  }

  @GetMapping("/save")
  @Operation(summary = "Save images to a tar archive (docker save)",
      description = "The archive is both an OCI image layout and a Docker archive (manifest.json, repositories), "
          + "as docker 25+ writes it. name:tag saves that tag, a name without tag every tag of its repository, "
          + "an ID the image without tags.",
      responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = TAR,
          schema = @Schema(type = "string", format = "binary"))))
  void save(@RequestParam("name") List<String> names, HttpServletResponse response) throws IOException {
    List<SavedImage> images = saves.resolve(names);
    response.setContentType(TAR);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"images.tar\"");
    saves.write(images, response.getOutputStream());
  }

  @PostMapping("/load")
  @Operation(summary = "Load images from a tar archive (docker load)",
      description = "Accepts a Docker archive (classic or docker 25+ layout) or an OCI image layout with several "
          + "images; nested indexes load the default platform. Every blob is verified against its digest and size "
          + "and every layer against its diffID before anything is stored.",
      requestBody = @RequestBody(content = @Content(mediaType = TAR,
          schema = @Schema(type = "string", format = "binary"))))
  LoadResult load(HttpServletRequest request) throws IOException {
    return loads.load(request.getInputStream());
  }
}
