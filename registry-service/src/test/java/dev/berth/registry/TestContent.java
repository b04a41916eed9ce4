package dev.berth.registry;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.ImageIndex;
import dev.berth.oci.ImageManifest;
import dev.berth.oci.OciJson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Content for tests: random blobs, descriptors of them, and manifests serialized once so that the
 * bytes pushed are the bytes whose digest a test expects.
 */
public final class TestContent {

  private TestContent() {
  }

  public static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  /** A repository name of {@code prefix} made unique, so that tests sharing one registry never meet. */
  public static String repository(String prefix) {
    return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  public static Descriptor descriptor(String mediaType, byte[] content) {
    return Descriptor.of(mediaType, Digest.sha256(content), content.length);
  }

  public static byte[] imageManifest(String mediaType, Descriptor config, List<Descriptor> layers) {
    return json(new ImageManifest(2, mediaType, null, config, layers, null, null));
  }

  /** An artifact manifest referring to {@code subject}. */
  public static byte[] referrer(String mediaType, String artifactType, Descriptor config, Descriptor subject,
      Map<String, String> annotations) {
    return json(new ImageManifest(2, mediaType, artifactType, config, List.of(), subject, annotations));
  }

  public static byte[] index(String mediaType, List<Descriptor> manifests) {
    return json(new ImageIndex(2, mediaType, null, manifests, null, null));
  }

  public static byte[] json(Object value) {
    return OciJson.mapper().writeValueAsBytes(value);
  }
}
