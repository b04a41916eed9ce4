package dev.berth.image.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.image.store.ImageView;
import java.util.List;
import java.util.Map;

/**
 * One image of {@code GET /images/json}, as dockerd lists it. There are no parent images here,
 * and sizes shared with other images and container counts are not computed ({@code -1}, as dockerd
 * says when it was not asked for them).
 *
 * @param id the image ID, {@code sha256:...}
 * @param parentId always empty
 * @param repoTags familiar tags ({@code bb:latest}); empty when untagged
 * @param repoDigests familiar repository digests ({@code bb@sha256:...})
 * @param created when the image was built, in unix seconds
 * @param size unpacked size of its layers in bytes
 * @param sharedSize {@code -1}
 * @param virtualSize the size again, for API versions before 1.44
 * @param labels the config's labels, or null
 * @param containers {@code -1}
 */
record ImageSummaryResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("ParentId") String parentId,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Created") long created,
    @JsonProperty("Size") long size,
    @JsonProperty("SharedSize") long sharedSize,
    @JsonProperty("VirtualSize") long virtualSize,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Containers") long containers) {

  /** {@code image} showing only {@code repoTags} and {@code repoDigests} of its own (those a filter let through). */
  static ImageSummaryResponse of(ImageView image) {
    return new ImageSummaryResponse(image.id(), "", image.repoTags(), image.repoDigests(),
        image.created() == null ? 0 : image.created().getEpochSecond(), image.size(), -1, image.size(),
        image.config().config() == null ? null : image.config().config().labels(), -1);
  }
}
