package dev.berth.registry.referrer;

import static dev.berth.registry.distribution.RepositoryRoutingFilter.PREFIX;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.ImageIndex;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.OciJson;
import dev.berth.registry.distribution.Digests;
import dev.berth.registry.distribution.RepositoryName;
import dev.berth.registry.manifest.ManifestRow;
import dev.berth.registry.manifest.ManifestRepository;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;

/**
 * {@code GET /v2/<name>/referrers/<digest>[?artifactType=]}: always 200 with an image index, empty
 * when nothing refers to the digest.
 */
@RestController
class ReferrerController {

  private static final TypeReference<Map<String, String>> ANNOTATIONS = new TypeReference<>() {
  };

  private final ManifestRepository manifests;

  ReferrerController(ManifestRepository manifests) {
    this.manifests = manifests;
  }

  @GetMapping(PREFIX + "referrers/{digest}")
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> referrers(RepositoryName name, @PathVariable String digest,
      @RequestParam(required = false) String artifactType) {
    Digest subject = Digests.parse(digest);
    List<Descriptor> descriptors = manifests.findReferrers(name.value(), subject.toString()).stream()
        .filter(m -> artifactType == null || artifactType.equals(m.artifactType()))
        .map(ReferrerController::descriptor)
        .toList();
    ImageIndex index = new ImageIndex(2, MediaTypes.OCI_INDEX, null, descriptors, null, null);
    ResponseEntity.BodyBuilder response = ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(MediaTypes.OCI_INDEX));
    if (artifactType != null) {
      response.header("OCI-Filters-Applied", "artifactType");
    }
    return response.body(OciJson.mapper().writeValueAsBytes(index));
  }

  private static Descriptor descriptor(ManifestRow m) {
    Map<String, String> annotations = m.annotations() == null ? null
        : OciJson.mapper().readValue(m.annotations(), ANNOTATIONS);
    return new Descriptor(m.mediaType(), Digest.parse(m.digest()), m.size(), null, annotations, m.artifactType(),
        null);
  }
}
