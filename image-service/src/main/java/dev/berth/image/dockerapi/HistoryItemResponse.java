package dev.berth.image.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.image.query.HistoryEntry;
import java.util.List;

/**
 * One row of {@code GET /images/{name}/history}: a step of the image config's history, newest
 * first, as dockerd lists it.
 *
 * @param id the image ID on the newest row, {@code <missing>} on the others (there are no parent images here)
 * @param created when the step ran, in unix seconds (0 when unknown)
 * @param createdBy the command of the step
 * @param tags the image's familiar tags on the newest row, else null
 * @param size unpacked size of the layer the step added, 0 for steps that added none
 * @param comment the step's comment
 */
record HistoryItemResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("Created") long created,
    @JsonProperty("CreatedBy") String createdBy,
    @JsonProperty("Tags") List<String> tags,
    @JsonProperty("Size") long size,
    @JsonProperty("Comment") String comment) {

  static HistoryItemResponse of(HistoryEntry step) {
    return new HistoryItemResponse(step.id(), step.created() == null ? 0 : step.created().getEpochSecond(),
        step.createdBy() == null ? "" : step.createdBy(), step.tags().isEmpty() ? null : step.tags(), step.size(),
        step.comment() == null ? "" : step.comment());
  }
}
