package dev.berth.image.dockerapi;

import dev.berth.image.progress.Progress;
import dev.berth.oci.OciJson;
import dev.berth.oci.Reference;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The steps of a pull as Docker's JSON message stream, the lines dockerd sends for
 * {@code POST /images/create}: {@code Pulling from}, per layer {@code Already exists} or
 * {@code Pulling fs layer}, {@code Downloading} with byte counts and moby's progress bar,
 * {@code Verifying Checksum}, {@code Download complete}, {@code Pull complete}, then
 * {@code Digest: } and the {@code Status: } line docker-java requires last. Layers are not
 * unpacked here (node agents do it), so there is no {@code Extracting}.
 */
final class PullMessages implements Function<Progress, byte[]> {

  private static final int BAR_WIDTH = 50;
  private static final List<String> UNITS = List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB");
  private static final MathContext SIGNIFICANT = new MathContext(4, RoundingMode.HALF_EVEN);

  private final Reference reference;

  /** @param reference what is pulled; its repository path is what {@code Pulling from} names */
  PullMessages(Reference reference) {
    this.reference = reference;
  }

  @Override
  public byte[] apply(Progress event) {
    List<JsonMessage> messages = messages(event);
    if (messages.isEmpty()) {
      return null;
    }
    StringBuilder lines = new StringBuilder();
    for (JsonMessage message : messages) {
      lines.append(lines.isEmpty() ? "" : "\n").append(OciJson.mapper().writeValueAsString(message));
    }
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** What dockerd sends for {@code event}; nothing for steps that are not a pull's. */
  List<JsonMessage> messages(Progress event) {
    return switch (event.status()) {
      case PULLING_FROM -> List.of(new JsonMessage("Pulling from " + reference.repository(), null, null,
          event.id(), null, null));
      case ALREADY_EXISTS -> List.of(JsonMessage.layer(event.id(), "Already exists"));
      case PULLING_FS_LAYER -> List.of(JsonMessage.layer(event.id(), "Pulling fs layer"));
      case DOWNLOADING -> List.of(new JsonMessage("Downloading",
          new JsonMessage.ProgressDetail(event.current(), event.total()), bar(event.current(), event.total()),
          event.id(), null, null));
      case VERIFIED -> List.of(JsonMessage.layer(event.id(), "Verifying Checksum"),
          JsonMessage.layer(event.id(), "Download complete"));
      case PULL_COMPLETE -> List.of(JsonMessage.layer(event.id(), "Pull complete"));
      case DIGEST -> List.of(JsonMessage.status("Digest: " + event.detail()));
      case DOWNLOADED_NEWER_IMAGE -> List.of(JsonMessage.status("Status: Downloaded newer image for "
          + event.detail()));
      case IMAGE_IS_UP_TO_DATE -> List.of(JsonMessage.status("Status: Image is up to date for " + event.detail()));
      default -> List.of(); // steps of other transfers (pushes)
    };
  }

  /** moby's {@code JSONProgress.String()} on a 200-column daemon: {@code [==>   ]  3.678kB/300.3kB}. */
  static String bar(long current, long total) {
    if (current <= 0 && total <= 0) {
      return "";
    }
    if (total <= 0) {
      return "%8s".formatted(humanSize(current));
    }
    int done = Math.min(BAR_WIDTH, (int) ((double) current / total * 100) / 2);
    String box = "[" + "=".repeat(done) + ">" + " ".repeat(BAR_WIDTH - done) + "] ";
    return box + (current > total ? "%8s".formatted(humanSize(current))
        : "%8s/%s".formatted(humanSize(current), humanSize(total)));
  }

  /** go-units' {@code HumanSize}: decimal units, four significant digits ({@code 300.3kB}, {@code 2MB}). */
  static String humanSize(long bytes) {
    double size = bytes;
    int unit = 0;
    while (size >= 1000 && unit < UNITS.size() - 1) {
      size /= 1000;
      unit++;
    }
    return new BigDecimal(size).round(SIGNIFICANT).stripTrailingZeros().toPlainString() + UNITS.get(unit);
  }
}
