package dev.berth.registry.manifest;

import static dev.berth.registry.distribution.RepositoryRoutingFilter.PREFIX;

import dev.berth.oci.MediaTypes;
import dev.berth.registry.distribution.DistributionException;
import dev.berth.registry.distribution.ErrorCode;
import dev.berth.registry.distribution.RepositoryName;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET}/{@code HEAD}/{@code PUT}/{@code DELETE /v2/<name>/manifests/<reference>}. */
@RestController
class ManifestController {

  private final ManifestService manifests;

  ManifestController(ManifestService manifests) {
    this.manifests = manifests;
  }

  /** Serves the stored bytes with their stored media type, unless {@code Accept} excludes it. */
  @GetMapping(PREFIX + "manifests/{reference}")
  void get(RepositoryName name, @PathVariable String reference, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    ManifestService.StoredManifest stored = manifests.get(name, reference);
    ManifestRow manifest = stored.manifest();
    if (!acceptable(request, manifest.mediaType())) {
      throw new DistributionException(ErrorCode.MANIFEST_UNKNOWN,
          "manifest " + reference + " in repository " + name + " is " + manifest.mediaType()
              + ", which the request's Accept header excludes", Map.of("mediaType", manifest.mediaType()));
    }
    response.setContentType(manifest.mediaType());
    response.setContentLengthLong(manifest.size());
    response.setHeader("Docker-Content-Digest", manifest.digest());
    response.setHeader(HttpHeaders.ETAG, "\"" + manifest.digest() + "\"");
    if (!"HEAD".equals(request.getMethod())) {
      Files.copy(stored.path(), response.getOutputStream());
    }
  }

  @PutMapping(PREFIX + "manifests/{reference}")
  ResponseEntity<Void> put(RepositoryName name, @PathVariable String reference,
      @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      HttpServletRequest request) throws IOException {
    ManifestService.Pushed pushed = manifests.put(name, reference, contentType, request.getInputStream());
    ResponseEntity.BodyBuilder response = ResponseEntity
        .created(URI.create("/v2/" + name + "/manifests/" + pushed.digest()))
        .header("Docker-Content-Digest", pushed.digest().toString())
        .header(HttpHeaders.CONTENT_LENGTH, "0");
    if (pushed.subject() != null) {
      response.header("OCI-Subject", pushed.subject().toString());
    }
    return response.build();
  }

  @DeleteMapping(PREFIX + "manifests/{reference}")
  ResponseEntity<Void> delete(RepositoryName name, @PathVariable String reference) {
    manifests.delete(name, reference);
    return ResponseEntity.accepted().build();
  }

  private static boolean acceptable(HttpServletRequest request, String mediaType) {
    boolean any = false;
    for (String header : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
      for (String range : header.split(",")) {
        String type = MediaTypes.essence(range);
        if (type.isEmpty()) {
          continue;
        }
        any = true;
        if (type.equals("*/*") || type.equals("application/*") || type.equals(mediaType)) {
          return true;
        }
      }
    }
    return !any;
  }
}
