package dev.berth.image.query;

import java.time.Instant;
import java.util.List;

/**
 * One step of an image's history, as {@code docker history} shows it.
 *
 * @param id the image ID on the newest step, {@code <missing>} on the others
 * @param created when the step ran, or null when the config does not say
 * @param createdBy the command of the step
 * @param tags the image's tags (familiar form) on the newest step, empty on the others
 * @param size the unpacked size of the layer the step produced; 0 for steps without a layer
 * @param comment the step's comment, or null
 */
public record HistoryEntry(String id, Instant created, String createdBy, List<String> tags, long size,
    String comment) {

  /** What {@code docker history} shows as the ID of steps below the newest. */
  public static final String MISSING = "<missing>";

  public HistoryEntry {
    tags = List.copyOf(tags);
  }
}
