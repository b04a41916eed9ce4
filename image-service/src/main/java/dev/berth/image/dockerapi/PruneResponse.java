package dev.berth.image.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What {@code POST /images/prune} removed.
 *
 * @param imagesDeleted references untagged and images deleted
 * @param spaceReclaimed bytes freed on disk
 */
record PruneResponse(
    @JsonProperty("ImagesDeleted") List<DeleteItemResponse> imagesDeleted,
    @JsonProperty("SpaceReclaimed") long spaceReclaimed) {
}
