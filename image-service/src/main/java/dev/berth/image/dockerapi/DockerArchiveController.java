package dev.berth.image.dockerapi;

import static dev.berth.image.dockerapi.DockerRoutingFilter.IMAGE_NAME;
import static dev.berth.image.dockerapi.DockerRoutingFilter.NAME_ROUTE;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.image.ImageException;
import dev.berth.image.archive.LoadResult;
import dev.berth.image.archive.LoadService;
import dev.berth.image.archive.SaveService;
import dev.berth.oci.OciJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code docker save} ({@code GET /images/get?names=}, {@code GET /images/{name}/get}) and
 * {@code docker load} ({@code POST /images/load}): the archive is both a Docker archive and an OCI
 * layout; a load is verified whole before anything is stored, so its failures are plain errors.
 */
@RestController
class DockerArchiveController {

  private static final String TAR = "application/x-tar";

  /** One line of the load answer. */
  record StreamLine(@JsonProperty("stream") String stream) {
  }

  private final SaveService saves;
  private final LoadService loads;
  private final DockerNames names;

  DockerArchiveController(SaveService saves, LoadService loads, DockerNames names) {
    this.saves = saves;
    this.loads = loads;
    this.names = names;
  }

  @GetMapping("/images/get")
  void save(@RequestParam(name = "names", required = false) List<String> requested, HttpServletResponse response)
      throws IOException {
    if (requested == null || requested.isEmpty()) {
      throw new ImageException.InvalidArgument("no images named to save");
    }
    write(requested, response);
  }

  @GetMapping(NAME_ROUTE + "/get")
  void saveOne(@RequestAttribute(IMAGE_NAME) String name, HttpServletResponse response) throws IOException {
    write(List.of(name), response);
  }

  @PostMapping("/images/load")
  void load(HttpServletRequest request, HttpServletResponse response) throws IOException {
    LoadResult result = loads.load(request.getInputStream());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    OutputStream out = response.getOutputStream();
    for (String message : result.messages()) {
      out.write(OciJson.mapper().writeValueAsBytes(new StreamLine(message + "\n")));
      out.write('\n');
    }
  }

  private void write(List<String> requested, HttpServletResponse response) throws IOException {
    var images = saves.resolve(requested.stream().map(names::local).toList());
    response.setContentType(TAR);
    saves.write(images, response.getOutputStream());
  }
}
