package dev.berth.image.query;

import java.time.Instant;
import java.util.List;

/**
 * Filters of the image list, those of {@code docker images --filter} and {@code docker image
 * prune --filter}; an image is listed when all given filters hold.
 *
 * @param reference globs (Go's {@code path.Match}) on familiar {@code name[:tag]} or {@code name@digest}:
 *     an image matches when one of its references, or that reference's name, matches one of them, and
 *     only the matching references are listed
 * @param dangling true for images without tags only, false for tagged images only
 * @param label config labels the image must all have: {@code key} or {@code key=value}
 * @param notLabel config labels that, when the image has them all, keep it out
 * @param before only images created before the one this name denotes
 * @param since only images created after the one this name denotes
 * @param until only images created before this time
 */
public record ImageFilters(List<String> reference, Boolean dangling, List<String> label, List<String> notLabel,
    String before, String since, Instant until) {

  public ImageFilters {
    reference = reference == null ? List.of() : List.copyOf(reference);
    label = label == null ? List.of() : List.copyOf(label);
    notLabel = notLabel == null ? List.of() : List.copyOf(notLabel);
    before = before == null || before.isBlank() ? null : before;
    since = since == null || since.isBlank() ? null : since;
  }

  /** Images without tags only. */
  public static ImageFilters danglingOnly() {
    return new ImageFilters(null, true, null, null, null, null, null);
  }
}
