package dev.berth.image.archive;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of a Docker archive's {@code manifest.json}
 * (<a href="https://github.com/moby/moby/blob/master/image/tarexport/tarexport.go">moby tarexport</a>).
 *
 * @param config the path of the image config in the archive
 * @param repoTags the image's tags in familiar form, or null
 * @param layers the paths of its layer tars, bottom first
 */
record DockerArchiveManifest(
    @JsonProperty("Config") String config,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("Layers") List<String> layers) {

  DockerArchiveManifest {
    repoTags = repoTags == null ? null : List.copyOf(repoTags);
    layers = layers == null ? List.of() : List.copyOf(layers);
  }
}
