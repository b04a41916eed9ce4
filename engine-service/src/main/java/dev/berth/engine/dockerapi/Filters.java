package dev.berth.engine.dockerapi;

import dev.berth.engine.container.EngineException;
import dev.berth.oci.OciJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Docker's {@code filters} query parameter, in both of its shapes: the CLI's map of sets
 * ({@code {"status":{"running":true}}}) and docker-java's map of lists ({@code {"label":["a=b"]}}).
 *
 * @param values each filter's values
 */
record Filters(Map<String, List<String>> values) {

  static Filters none() {
    return new Filters(Map.of());
  }

  static Filters parse(String json) {
    if (json == null || json.isBlank()) {
      return none();
    }
    JsonNode root;
    try {
      root = OciJson.mapper().readTree(json);
    } catch (JacksonException e) {
      throw new EngineException.InvalidArgument("invalid filter: " + e.getOriginalMessage());
    }
    if (!root.isObject()) {
      throw new EngineException.InvalidArgument("invalid filter: " + json);
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    root.properties().forEach(entry -> {
      List<String> list = new ArrayList<>();
      JsonNode value = entry.getValue();
      if (value.isArray()) {
        value.forEach(item -> list.add(item.asString()));
      } else if (value.isObject()) {
        value.properties().forEach(item -> {
          if (item.getValue().asBoolean(false)) {
            list.add(item.getKey());
          }
        });
      } else {
        throw new EngineException.InvalidArgument("invalid filter: " + entry.getKey() + " must be a list or a map");
      }
      values.put(entry.getKey(), list);
    });
    return new Filters(values);
  }

  /** Refuses filters outside {@code accepted}, with dockerd's message. */
  Filters only(Set<String> accepted) {
    values.keySet().stream().filter(key -> !accepted.contains(key)).findFirst().ifPresent(key -> {
      throw new EngineException.InvalidArgument("invalid filter '" + key + "'");
    });
    return this;
  }

  boolean has(String key) {
    return values.containsKey(key) && !values.get(key).isEmpty();
  }

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
