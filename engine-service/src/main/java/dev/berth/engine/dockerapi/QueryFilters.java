package dev.berth.engine.dockerapi;

import dev.berth.oci.OciJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Docker's {@code filters} query parameter in both of its shapes: the CLI's map of sets
 * ({@code {"label":{"a=b":true}}}) and docker-java's map of lists ({@code {"label":["a=b"]}}).
 *
 * @param values the values of each filter key
 */
record QueryFilters(Map<String, List<String>> values) {

  static QueryFilters parse(String json) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return new QueryFilters(values);
    }
    JsonNode root;
    try {
      root = OciJson.mapper().readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("invalid filter: " + e.getOriginalMessage());
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("invalid filter: a JSON object is expected");
    }
    for (Map.Entry<String, JsonNode> filter : root.properties()) {
      List<String> list = new ArrayList<>();
      JsonNode value = filter.getValue();
      if (value.isArray()) {
        value.forEach(item -> list.add(item.asString()));
      } else if (value.isObject()) {
        value.properties().forEach(entry -> {
          if (entry.getValue().asBoolean(true)) {
            list.add(entry.getKey());
          }
        });
      } else {
        list.add(value.asString());
      }
      values.put(filter.getKey(), List.copyOf(list));
    }
    return new QueryFilters(values);
  }

  /** The values given for {@code key}, empty when it is not filtered on. */
  List<String> get(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** Whether {@code labels} carry every label filter: {@code key} present, or {@code key=value} equal. */
  boolean labelsMatch(Map<String, String> labels) {
    for (String wanted : get("label")) {
      int equals = wanted.indexOf('=');
      String key = equals < 0 ? wanted : wanted.substring(0, equals);
      if (labels == null || !labels.containsKey(key)
          || equals >= 0 && !wanted.substring(equals + 1).equals(labels.get(key))) {
        return false;
      }
    }
    return true;
  }
}
