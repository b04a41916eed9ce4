package dev.berth.image.dockerapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.image.store.ImageRemoval;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of what {@code DELETE /images/{name}} and {@code POST /images/prune} did, printed by
 * the CLI as {@code Untagged: ...} or {@code Deleted: ...}.
 *
 * @param untagged a familiar reference removed
 * @param deleted an image ID deleted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeleteItemResponse(@JsonProperty("Untagged") String untagged, @JsonProperty("Deleted") String deleted) {

  /** What {@code removed} did: the references untagged, then the images deleted. */
  static List<DeleteItemResponse> of(ImageRemoval.Removed removed) {
    List<DeleteItemResponse> items = new ArrayList<>();
    removed.untagged().forEach(reference -> items.add(new DeleteItemResponse(reference, null)));
    removed.deleted().forEach(id -> items.add(new DeleteItemResponse(null, id)));
    return items;
  }
}
