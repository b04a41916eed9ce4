package dev.berth.registry.upload;

import static dev.berth.registry.distribution.RepositoryRoutingFilter.PREFIX;

import dev.berth.oci.Digest;
import dev.berth.registry.distribution.Digests;
import dev.berth.registry.distribution.DistributionException;
import dev.berth.registry.distribution.ErrorCode;
import dev.berth.registry.distribution.QueryParameters;
import dev.berth.registry.distribution.RepositoryName;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v2/<name>/blobs/uploads/}: starting, feeding, completing, inspecting and cancelling uploads. */
@RestController
class UploadController {

  private static final String UPLOAD_UUID = "Docker-Upload-UUID";

  private final UploadService uploads;

  UploadController(UploadService uploads) {
    this.uploads = uploads;
  }

  /** Starts a session, pushes a whole blob ({@code ?digest=}) or mounts one ({@code ?mount=&from=}). */
  @PostMapping({PREFIX + "blobs/uploads", PREFIX + "blobs/uploads/"})
  ResponseEntity<Void> start(RepositoryName name, HttpServletRequest request) throws IOException {
    Map<String, String> query = QueryParameters.of(request);
    String mount = query.get("mount");
    if (mount != null && query.get("from") != null) {
      Digest digest = Digests.parse(mount);
      if (uploads.mount(name, digest, new RepositoryName(query.get("from")))) {
        return created(name, digest);
      }
    }
    if (query.get("digest") != null) {
      Digest digest = Digests.parse(query.get("digest"));
      uploads.monolithic(name, digest, request.getInputStream(), request.getContentLengthLong());
      return created(name, digest);
    }
    return accepted(name, uploads.start(name));
  }

  @PatchMapping(PREFIX + "blobs/uploads/{id}")
  ResponseEntity<Void> append(RepositoryName name, @PathVariable String id, HttpServletRequest request)
      throws IOException {
    ContentRange range = ContentRange.parse(request.getHeader(HttpHeaders.CONTENT_RANGE));
    try {
      return accepted(name, uploads.append(name, id, range, request.getInputStream()));
    } catch (DistributionException e) {
      throw e.withHeader(HttpHeaders.LOCATION, location(name, id)).withHeader(UPLOAD_UUID, id);
    }
  }

  @PutMapping(PREFIX + "blobs/uploads/{id}")
  ResponseEntity<Void> complete(RepositoryName name, @PathVariable String id, HttpServletRequest request)
      throws IOException {
    String digest = QueryParameters.of(request).get("digest");
    if (digest == null) {
      throw new DistributionException(ErrorCode.DIGEST_INVALID, "completing an upload needs ?digest=", null);
    }
    Digest expected = Digests.parse(digest);
    ContentRange range = ContentRange.parse(request.getHeader(HttpHeaders.CONTENT_RANGE));
    try {
      uploads.complete(name, id, expected, range, request.getInputStream());
    } catch (DistributionException e) {
      throw e.withHeader(HttpHeaders.LOCATION, location(name, id)).withHeader(UPLOAD_UUID, id);
    }
    return created(name, expected);
  }

  @GetMapping(PREFIX + "blobs/uploads/{id}")
  ResponseEntity<Void> status(RepositoryName name, @PathVariable String id) {
    UploadService.Upload upload = uploads.status(name, id);
    return ResponseEntity.noContent()
        .header(HttpHeaders.LOCATION, location(name, id))
        .header(HttpHeaders.RANGE, range(upload.size()))
        .header(UPLOAD_UUID, id)
        .build();
  }

  @DeleteMapping(PREFIX + "blobs/uploads/{id}")
  ResponseEntity<Void> cancel(RepositoryName name, @PathVariable String id) throws IOException {
    uploads.cancel(name, id);
    return ResponseEntity.noContent().build();
  }

  /** The {@code Range} header of a session holding {@code size} bytes, as distribution writes it. */
  static String range(long size) {
    return "0-" + Math.max(0, size - 1);
  }

  private static String location(RepositoryName name, String id) {
    return "/v2/" + name + "/blobs/uploads/" + id;
  }

  private static ResponseEntity<Void> accepted(RepositoryName name, UploadService.Upload upload) {
    String id = upload.id().toString();
    return ResponseEntity.accepted()
        .header(HttpHeaders.LOCATION, location(name, id))
        .header(HttpHeaders.RANGE, range(upload.size()))
        .header(UPLOAD_UUID, id)
        .header(HttpHeaders.CONTENT_LENGTH, "0")
        .build();
  }

  private static ResponseEntity<Void> created(RepositoryName name, Digest digest) {
    return ResponseEntity.created(java.net.URI.create("/v2/" + name + "/blobs/" + digest))
        .header("Docker-Content-Digest", digest.toString())
        .header(HttpHeaders.CONTENT_LENGTH, "0")
        .build();
  }
}
