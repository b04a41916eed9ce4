package dev.berth.image.query;

import java.util.List;

/**
 * Filters of the image list, those of {@code docker images --filter}; an image is listed when all
 * given filters hold.
 *
 * @param reference globs (Go's {@code path.Match}) on familiar {@code name[:tag]} or {@code name@digest}:
 *     an image matches when one of its references, or that reference's name, matches one of them, and
 *     only the matching references are listed
 * @param dangling true for images without tags only, false for tagged images only
 * @param label config labels the image must all have: {@code key} or {@code key=value}
 * @param before only images stored before the one this name denotes
 * @param since only images stored after the one this name denotes
 */
public record ImageFilters(List<String> reference, Boolean dangling, List<String> label, String before,
    String since) {

  public ImageFilters {
    reference = reference == null ? List.of() : List.copyOf(reference);
    label = label == null ? List.of() : List.copyOf(label);
    before = before == null || before.isBlank() ? null : before;
    since = since == null || since.isBlank() ? null : since;
  }

  /** No filter: every image. */
  public static ImageFilters none() {
    return new ImageFilters(null, null, null, null, null);
  }
}
