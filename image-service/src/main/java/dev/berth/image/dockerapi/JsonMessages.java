package dev.berth.image.dockerapi;

import dev.berth.image.progress.Progress;
import dev.berth.oci.OciJson;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Renders the steps of a transfer as lines of Docker's JSON message stream: each step becomes
 * the messages dockerd would send for it, one JSON document per line.
 */
abstract class JsonMessages implements Function<Progress, byte[]> {

  private static final int BAR_WIDTH = 50;
  private static final List<String> UNITS = List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB");
  private static final MathContext SIGNIFICANT = new MathContext(4, RoundingMode.HALF_EVEN);

  /** What dockerd sends for {@code event}; nothing for steps of other kinds of transfer. */
  abstract List<JsonMessage> messages(Progress event);

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
