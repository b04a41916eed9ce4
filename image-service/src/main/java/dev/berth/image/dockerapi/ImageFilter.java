package dev.berth.image.dockerapi;

import dev.berth.image.ImageException;
import dev.berth.image.store.ImageView;
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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image filters dockerd applies, but {@code dangling}, whose meaning differs between listing
 * and pruning: {@code label} ({@code key} or {@code key=value}, all must hold), {@code label!}
 * (excluded when all hold), {@code before} and {@code since} (created before or after an image),
 * {@code until} (created before a time: Go duration ago, unix seconds or RFC 3339) and
 * {@code reference} (a glob, Go's {@code path.Match}, on a familiar {@code name[:tag]} or on its
 * name alone).
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

  private final Filters filters;
  private final List<Instant> before;
  private final List<Instant> since;
  private final List<Instant> until;
  private final List<Pattern> references;

  /**
   * @param createdOf when the image a {@code before} or {@code since} value names was created
   * @param now the time {@code until} durations count back from
   */
  ImageFilter(Filters filters, Function<String, Instant> createdOf, Instant now) {
    this.filters = filters;
    this.before = filters.get("before").stream().map(createdOf).toList();
    this.since = filters.get("since").stream().map(createdOf).toList();
    this.until = filters.get("until").stream().map(value -> timestamp(value, now)).toList();
    this.references = filters.get("reference").stream().map(ImageFilter::glob).toList();
  }

  /** Whether {@code image} passes every filter but {@code dangling}. */
  boolean matches(ImageView image) {
    Instant created = image.created() == null ? Instant.EPOCH : image.created();
    Map<String, String> labels = image.config().config() == null || image.config().config().labels() == null
        ? Map.of() : image.config().config().labels();
    List<String> notLabels = filters.get("label!");
    return filters.get("label").stream().allMatch(label -> hasLabel(labels, label))
        && (notLabels.isEmpty() || !notLabels.stream().allMatch(label -> hasLabel(labels, label)))
        && before.stream().allMatch(created::isBefore)
        && since.stream().allMatch(created::isAfter)
        && until.stream().allMatch(created::isBefore)
        && (references.isEmpty() || !references(image.repoTags()).isEmpty()
            || !references(image.repoDigests()).isEmpty());
  }

  /** Of familiar references ({@code bb:1}, {@code bb@sha256:...}), those the {@code reference} filter lets through. */
  List<String> references(List<String> familiar) {
    return references.isEmpty() ? familiar
        : familiar.stream().filter(ref -> references.stream().anyMatch(glob -> glob.matcher(ref).matches()
            || glob.matcher(nameOf(ref)).matches())).toList();
  }

  private static boolean hasLabel(Map<String, String> labels, String filter) {
    int equals = filter.indexOf('=');
    return equals < 0 ? labels.containsKey(filter)
        : filter.substring(equals + 1).equals(labels.get(filter.substring(0, equals)));
  }

  private static String nameOf(String familiar) {
    int at = familiar.indexOf('@');
    String name = at < 0 ? familiar : familiar.substring(0, at);
    int colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
  }

  /** Go's {@code path.Match} pattern as a regex: {@code *} and {@code ?} stop at {@code /}. */
  static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      switch (c) {
        case '*' -> regex.append("[^/]*");
        case '?' -> regex.append("[^/]");
        case '\\' -> regex.append(i + 1 < pattern.length() ? Pattern.quote(String.valueOf(pattern.charAt(++i)))
            : "\\\\");
        case '[' -> {
          int close = pattern.indexOf(']', i + 1);
          if (close < 0 || close == i + 1 || pattern.startsWith("^]", i + 1)) {
            throw new ImageException.InvalidArgument("invalid reference filter " + pattern
                + ": syntax error in pattern");
          }
          regex.append('[').append(pattern.substring(i + 1, close).replace("\\", "\\\\").replace("[", "\\[")
              .replace("&", "\\&")).append(']');
          i = close;
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
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
