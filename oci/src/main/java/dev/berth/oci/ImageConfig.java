package dev.berth.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An image configuration (<a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/config.md">config.md</a>),
 * which Docker's {@code application/vnd.docker.container.image.v1+json} shares. The stored bytes
 * stay the source of truth; this is what is read from them.
 */
public record ImageConfig(
    String created,
    String author,
    String architecture,
    String os,
    @JsonProperty("os.version") String osVersion,
    String variant,
    Config config,
    RootFs rootfs,
    List<History> history) {

  public ImageConfig {
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** The diffIDs of the layers, bottom first; empty when the config names none. */
  public List<Digest> diffIds() {
    return rootfs == null || rootfs.diffIds() == null ? List.of() : rootfs.diffIds();
  }

  /** The execution parameters a container of this image starts with. */
  public record Config(
      @JsonProperty("User") String user,
      @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
      @JsonProperty("Env") List<String> env,
      @JsonProperty("Entrypoint") List<String> entrypoint,
      @JsonProperty("Cmd") List<String> cmd,
      @JsonProperty("Volumes") Map<String, Object> volumes,
      @JsonProperty("WorkingDir") String workingDir,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("StopSignal") String stopSignal) {
  }

  /** The layers' uncompressed digests. */
  public record RootFs(String type, @JsonProperty("diff_ids") List<Digest> diffIds) {
  }

  /** One step of the image's history; {@code emptyLayer} steps added no layer. */
  public record History(
      String created,
      @JsonProperty("created_by") String createdBy,
      String author,
      String comment,
      @JsonProperty("empty_layer") Boolean emptyLayer) {
  }
}
