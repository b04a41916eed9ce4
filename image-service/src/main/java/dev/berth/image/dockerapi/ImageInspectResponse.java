package dev.berth.image.dockerapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.image.store.ImageView;
import dev.berth.oci.ImageConfig;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Map;

/**
 * An image as {@code GET /images/{name}/json} shows it (dockerd's image inspect). Times are
 * RFC 3339 with as many fractional digits as needed, like Go's RFC3339Nano; Go's zero time
 * stands for none.
 *
 * @param id the image ID
 * @param repoTags familiar tags
 * @param repoDigests familiar repository digests
 * @param parent always empty: there are no parent images here
 * @param comment the config's {@code comment}
 * @param created when the image was built
 * @param dockerVersion the config's {@code docker_version}
 * @param author the config's {@code author}
 * @param config what containers of the image start with
 * @param architecture CPU architecture
 * @param variant architecture variant, left out when there is none
 * @param os operating system
 * @param osVersion operating system version, left out when there is none
 * @param size unpacked size of its layers in bytes
 * @param virtualSize the size again, for API versions before 1.44
 * @param rootFs its layers' diffIDs
 * @param metadata when it was last tagged here: not recorded, so Go's zero time as for pulled images
 */
record ImageInspectResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Parent") String parent,
    @JsonProperty("Comment") String comment,
    @JsonProperty("Created") String created,
    @JsonProperty("DockerVersion") String dockerVersion,
    @JsonProperty("Author") String author,
    @JsonProperty("Config") Config config,
    @JsonProperty("Architecture") String architecture,
    @JsonProperty("Variant") @JsonInclude(JsonInclude.Include.NON_EMPTY) String variant,
    @JsonProperty("Os") String os,
    @JsonProperty("OsVersion") @JsonInclude(JsonInclude.Include.NON_EMPTY) String osVersion,
    @JsonProperty("Size") long size,
    @JsonProperty("VirtualSize") long virtualSize,
    @JsonProperty("RootFS") RootFs rootFs,
    @JsonProperty("Metadata") Metadata metadata) {

  /** Go's zero {@code time.Time} in RFC 3339. */
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private static final DateTimeFormatter RFC3339_NANO = new DateTimeFormatterBuilder().appendInstant(-1).toFormatter();

  /** The image config's execution parameters, under Docker's names. */
  record Config(
      @JsonProperty("User") String user,
      @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
      @JsonProperty("Env") List<String> env,
      @JsonProperty("Entrypoint") List<String> entrypoint,
      @JsonProperty("Cmd") List<String> cmd,
      @JsonProperty("Volumes") Map<String, Object> volumes,
      @JsonProperty("WorkingDir") String workingDir,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("StopSignal") @JsonInclude(JsonInclude.Include.NON_EMPTY) String stopSignal) {

    static Config of(ImageConfig.Config config) {
      if (config == null) {
        return new Config("", null, null, null, null, null, "", null, null);
      }
      return new Config(orEmpty(config.user()), config.exposedPorts(), config.env(), config.entrypoint(),
          config.cmd(), config.volumes(), orEmpty(config.workingDir()), config.labels(), config.stopSignal());
    }
  }

  /** The layers, as diffIDs bottom first. */
  record RootFs(@JsonProperty("Type") String type, @JsonProperty("Layers") List<String> layers) {
  }

  /** Local metadata. */
  record Metadata(@JsonProperty("LastTagTime") String lastTagTime) {
  }

  /**
   * @param comment the config's top-level {@code comment}, which {@link ImageConfig} does not read
   * @param dockerVersion the config's {@code docker_version}, likewise
   */
  static ImageInspectResponse of(ImageView image, String comment, String dockerVersion) {
    ImageConfig config = image.config();
    return new ImageInspectResponse(image.id(), image.repoTags(), image.repoDigests(), "", orEmpty(comment),
        rfc3339(image.created()), orEmpty(dockerVersion), orEmpty(config.author()), Config.of(config.config()),
        image.architecture(), image.variant(), image.os(), config.osVersion(), image.size(), image.size(),
        new RootFs("layers", image.layers()), new Metadata(ZERO_TIME));
  }

  /** {@code instant} as Go's RFC3339Nano writes it; the zero time for none. */
  static String rfc3339(Instant instant) {
    return instant == null ? ZERO_TIME : RFC3339_NANO.format(instant);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
