package dev.berth.cli.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The tables {@code berth images} and {@code berth ps} print, in the docker CLI's layout. */
public final class Tables {

  private Tables() {
  }

  /** One row per repository tag (an untagged image gets {@code <none>}). */
  public static String images(List<JsonNode> images, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"));
    for (JsonNode image : images) {
      String id = shortId(image.path("id").asString());
      String created = ago(image.path("created").asString(""), now);
      String size = size(image.path("size").asLong());
      List<String> tags = new ArrayList<>();
      image.path("repoTags").forEach(tag -> tags.add(tag.asString()));
      if (tags.isEmpty()) {
        tags.add("<none>:<none>");
      }
      for (String tag : tags) {
        int colon = tag.lastIndexOf(':');
        boolean hasTag = colon > tag.lastIndexOf('/');
        rows.add(List.of(hasTag ? tag.substring(0, colon) : tag, hasTag ? tag.substring(colon + 1) : "<none>", id,
            created, size));
      }
    }
    return render(rows);
  }

  /** One row per container; only running ones unless {@code all}. */
  public static String containers(List<JsonNode> containers, boolean all, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("CONTAINER ID", "IMAGE", "CREATED", "STATE", "NODE", "NAME"));
    for (JsonNode container : containers) {
      String state = container.path("state").asString("");
      if (!all && !state.equals("running")) {
        continue;
      }
      rows.add(List.of(shortId(container.path("id").asString()), container.path("image").asString(""),
          ago(container.path("createdAt").asString(""), now), state, container.path("node").asString(""),
          container.path("name").asString("")));
    }
    return render(rows);
  }

  /** A digest or ID cut to the 12 hex digits the docker CLI shows. */
  static String shortId(String id) {
    String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }

  /** {@code 3 minutes ago}, {@code 2 days ago}; empty for no time. */
  static String ago(String instant, Instant now) {
    if (instant.isBlank()) {
      return "";
    }
    Duration age = Duration.between(Instant.parse(instant), now);
    if (age.toSeconds() < 60) {
      return "Less than a minute ago";
    }
    long[] amounts = {age.toDays() / 365, age.toDays() / 30, age.toDays() / 7, age.toDays(), age.toHours(),
        age.toMinutes()};
    String[] units = {"year", "month", "week", "day", "hour", "minute"};
    for (int i = 0; i < units.length; i++) {
      if (amounts[i] >= 1) {
        return amounts[i] + " " + units[i] + (amounts[i] == 1 ? "" : "s") + " ago";
      }
    }
    return "";
  }

  /** Bytes in the docker CLI's decimal units: {@code 1.99MB}, {@code 512B}. */
  static String size(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return unit == 0 ? bytes + "B" : String.format(java.util.Locale.ROOT, "%.3g%s", value, units[unit]);
  }

  private static String render(List<List<String>> rows) {
    int[] widths = new int[rows.getFirst().size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder table = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 3) + "s", row.get(i)));
      }
      table.append(line.toString().stripTrailing()).append('\n');
    }
    return table.toString();
  }
}
