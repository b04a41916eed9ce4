package dev.berth.image.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.image.store.ImageView;
import dev.berth.oci.ImageConfig;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
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

  static final String MISSING = "<missing>";

  /**
   * The history of {@code image}, newest first.
   *
   * @param layerSizes the unpacked sizes of its layers, bottom first
   */
  static List<HistoryItemResponse> of(ImageView image, List<Long> layerSizes) {
    List<HistoryItemResponse> rows = new ArrayList<>();
    Iterator<Long> sizes = layerSizes.iterator();
    for (ImageConfig.History step : image.config().history()) {
      boolean addedLayer = !Boolean.TRUE.equals(step.emptyLayer());
      long size = addedLayer && sizes.hasNext() ? sizes.next() : 0;
      rows.addFirst(new HistoryItemResponse(MISSING, unixSeconds(step.created()), orEmpty(step.createdBy()), null,
          size, orEmpty(step.comment())));
    }
    if (!rows.isEmpty()) {
      HistoryItemResponse top = rows.getFirst();
      rows.set(0, new HistoryItemResponse(image.id(), top.created(), top.createdBy(),
          image.repoTags().isEmpty() ? null : image.repoTags(), top.size(), top.comment()));
    }
    return rows;
  }

  private static long unixSeconds(String created) {
    try {
      return created == null ? 0 : OffsetDateTime.parse(created).toEpochSecond();
    } catch (DateTimeParseException e) {
      return 0;
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
