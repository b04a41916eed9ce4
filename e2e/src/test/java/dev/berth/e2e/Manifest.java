package dev.berth.e2e;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A manifest as its exact bytes, with the few fields the suites look at. */
record Manifest(byte[] bytes) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The content digest: the SHA-256 of the bytes, which must survive every copy unchanged. */
  String digest() {
    return Sha256.of(bytes);
  }

  /** The declared {@code mediaType}; empty when the manifest leaves it out, as OCI allows. */
  String mediaType() {
    return json().path("mediaType").asString();
  }

  int layerCount() {
    return json().path("layers").size();
  }

  /** The digest of the image config, which is the image ID. */
  String configDigest() {
    return json().path("config").path("digest").asString();
  }

  /** The layers' blob digests, bottom first. */
  List<String> layerDigests() {
    return json().path("layers").valueStream().map(layer -> layer.path("digest").asString()).toList();
  }

  private JsonNode json() {
    return JSON.readTree(bytes);
  }
}
