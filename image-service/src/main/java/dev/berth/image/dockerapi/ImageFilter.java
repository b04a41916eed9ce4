package dev.berth.image.dockerapi;

import dev.berth.image.ImageException;
import dev.berth.image.query.ImageFilters;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker's image filters ({@code filters} JSON of {@code GET /images/json} and
 * {@code POST /images/prune}) onto the image store's {@link ImageFilters}: {@code reference},
 * {@code dangling}, {@code label}, {@code label!}, {@code before}, {@code since}, and
 * {@code until} (a Go duration ago, unix seconds or an RFC 3339 time, as moby reads it).
 */
final class ImageFilter {

  /** Filters {@code GET /images/json} accepts. */
  static final Set<String> LIST = Set.of("dangling", "label", "before", "since", "until", "reference");

  /** Filters {@code POST /images/prune} accepts. */
  static final Set<String> PRUNE = Set.of("dangling", "label", "label!", "until");

  private static final Pattern DURATION = Pattern.compile("(?:(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h))+");
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L,
      "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  private ImageFilter() {
  }

  /**
   * Docker's filters as the image store's; {@code dangling} is taken as given, or as
   * {@code danglingDefault} when absent (listing shows all images, pruning only dangling ones).
   *
   * @param now the time {@code until} durations count back from
   */
  static ImageFilters of(Filters filters, Boolean danglingDefault, Instant now) {
    List<Instant> until = filters.get("until").stream().map(value -> timestamp(value, now)).toList();
    return new ImageFilters(filters.get("reference"), filters.bool("dangling").orElse(danglingDefault),
        filters.get("label"), filters.get("label!"), last(filters.get("before")), last(filters.get("since")),
        until.stream().min(Instant::compareTo).orElse(null));
  }

  private static String last(List<String> values) {
    return values.isEmpty() ? null : values.getLast();
  }

  /** moby's {@code GetTimestamp}: a Go duration before {@code now}, unix seconds, or an RFC 3339 time or date. */
  static Instant timestamp(String value, Instant now) {
    if (DURATION.matcher(value).matches()) {
      long nanos = 0;
      Matcher part = DURATION_PART.matcher(value);
      while (part.find()) {
        nanos += new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(2))))
            .longValue();
      }
      return now.minusNanos(nanos);
    }
    try {
      if (value.matches("\\d+(\\.\\d{1,9})?")) {
        BigDecimal seconds = new BigDecimal(value);
        return Instant.ofEpochSecond(seconds.longValue(),
            seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
      }
      if (value.matches(".*(Z|[+-]\\d\\d:\\d\\d)")) {
        return OffsetDateTime.parse(value).toInstant();
      }
      return value.contains("T") ? LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant()
          : LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toInstant();
    } catch (DateTimeParseException e) {
      throw new ImageException.InvalidArgument("invalid filter 'until=" + value
          + "': not a duration, unix time or RFC 3339 time", e);
    }
  }
}
