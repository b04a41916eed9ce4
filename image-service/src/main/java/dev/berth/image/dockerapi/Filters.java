package dev.berth.image.dockerapi;

import dev.berth.image.ImageException;
import dev.berth.oci.OciJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Docker's {@code filters} query parameter as key → values. It comes in two shapes: the CLI's map
 * of sets, {@code {"reference":{"bb":true}}} (every key of the inner object counts, as in moby),
 * and docker-java's map of lists, {@code {"reference":["bb"]}}.
 */
record Filters(Map<String, List<String>> values) {

  Filters {
    values = Map.copyOf(values);
  }

  /** Parses the parameter; none or blank is no filter. */
  static Filters parse(String json) {
    if (json == null || json.isBlank()) {
      return new Filters(Map.of());
    }
    JsonNode root;
    try {
      root = OciJson.mapper().readTree(json);
    } catch (JacksonException e) {
      throw new ImageException.InvalidArgument("invalid filters: " + e.getOriginalMessage(), e);
    }
    if (!root.isObject()) {
      throw new ImageException.InvalidArgument("invalid filters: " + json);
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> filter : root.properties()) {
      List<String> terms = new ArrayList<>();
      JsonNode value = filter.getValue();
      if (value.isObject()) {
        terms.addAll(value.propertyNames());
      } else if (value.isArray()) {
        value.forEach(term -> terms.add(term.asString()));
      } else {
        throw new ImageException.InvalidArgument("invalid filters: " + filter.getKey()
            + " is neither a set nor a list");
      }
      values.put(filter.getKey(), terms);
    }
    return new Filters(values);
  }

  /** Refuses filters outside {@code accepted}, as dockerd does. */
  Filters accept(Set<String> accepted) {
    values.keySet().stream().filter(key -> !accepted.contains(key)).findFirst().ifPresent(key -> {
      throw new ImageException.InvalidArgument("invalid filter '" + key + "'");
    });
    return this;
  }

  /** The values of filter {@code key}; empty when it is not given. */
  List<String> get(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** A boolean filter ({@code true}/{@code 1} or {@code false}/{@code 0}); empty when not given. */
  Optional<Boolean> bool(String key) {
    List<String> terms = get(key);
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    boolean value = false;
    for (String term : terms) {
      switch (term.toLowerCase(Locale.ROOT)) {
        case "true", "1" -> value = true;
        case "false", "0" -> { }
        default -> throw new ImageException.InvalidArgument("invalid filter '" + key + "=" + term + "'");
      }
    }
    return Optional.of(value);
  }
}
