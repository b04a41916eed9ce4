package dev.berth.e2e;

import dev.berth.testsupport.Commands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The skopeo CLI against a plain-HTTP registry: every call passes the {@code --*-tls-verify=false}
 * flags, which also let skopeo speak HTTP, and fails with skopeo's stderr in its message.
 */
final class Skopeo {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Skopeo() {
  }

  /** {@code skopeo copy} from one image reference to another, e.g. {@code oci:dir:tag → docker://…}. */
  static void copy(String source, String destination, String... options) {
    List<String> arguments = new ArrayList<>(List.of("skopeo", "copy", "--quiet",
        "--src-tls-verify=false", "--dest-tls-verify=false"));
    arguments.addAll(List.of(options));
    arguments.addAll(List.of(source, destination));
    run(arguments).assertSucceeded();
  }

  /** The exact manifest bytes the image reference resolves to ({@code skopeo inspect --raw}). */
  static Manifest rawManifest(String image) {
    return new Manifest(
        run(List.of("skopeo", "inspect", "--raw", "--tls-verify=false", image)).assertSucceeded().stdout());
  }

  /** The image's config as stored ({@code skopeo inspect --config --raw}). */
  static JsonNode config(String image) {
    return JSON.readTree(
        run(List.of("skopeo", "inspect", "--config", "--raw", "--tls-verify=false", image)).assertSucceeded().stdout());
  }

  /** {@code skopeo inspect} of an image, successful or not. */
  static Commands.Result inspect(String image) {
    return run(List.of("skopeo", "inspect", "--tls-verify=false", image));
  }

  /** The tags of a {@code docker://host/name} repository ({@code skopeo list-tags}). */
  static List<String> listTags(String repository) {
    byte[] listing = run(List.of("skopeo", "list-tags", "--tls-verify=false", repository))
        .assertSucceeded().stdout();
    return JSON.readTree(listing).get("Tags").valueStream().map(JsonNode::asString).toList();
  }

  /** {@code skopeo delete}: resolves the reference to its manifest digest and deletes that. */
  static void delete(String image) {
    run(List.of("skopeo", "delete", "--tls-verify=false", image)).assertSucceeded();
  }

  private static Commands.Result run(List<String> arguments) {
    return Commands.result(TIMEOUT, arguments);
  }
}
