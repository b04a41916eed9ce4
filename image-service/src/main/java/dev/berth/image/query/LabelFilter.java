package dev.berth.image.query;

import java.util.Map;

/**
 * A {@code label} filter: {@code key} asks for the label, {@code key=value} for the label with that
 * value.
 *
 * @param key the label's key
 * @param value the value it must have, or null for any
 */
record LabelFilter(String key, String value) {

  static LabelFilter parse(String filter) {
    int equals = filter.indexOf('=');
    return equals < 0 ? new LabelFilter(filter, null)
        : new LabelFilter(filter.substring(0, equals), filter.substring(equals + 1));
  }

  boolean matches(Map<String, String> labels) {
    return labels.containsKey(key) && (value == null || value.equals(labels.get(key)));
  }
}
