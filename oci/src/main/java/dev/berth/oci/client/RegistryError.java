package dev.berth.oci.client;

import dev.berth.oci.OciJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One entry of the distribution spec's error body {@code {"errors":[{"code","message","detail"}]}}
 * (<a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md#error-codes">error codes</a>).
 *
 * @param code    e.g. {@code MANIFEST_UNKNOWN}, {@code BLOB_UNKNOWN}, {@code UNAUTHORIZED}
 * @param message the registry's human-readable message
 * @param detail  the unstructured detail, or null
 */
public record RegistryError(String code, String message, JsonNode detail) {

  public RegistryError {
    detail = detail == null ? null : detail.deepCopy();
  }

  @Override
  public JsonNode detail() {
    return detail == null ? null : detail.deepCopy();
  }

  /** The errors in {@code body}, or none when the body is not the spec's error envelope. */
  public static List<RegistryError> parse(byte[] body) {
    if (body == null || body.length == 0) {
      return List.of();
    }
    JsonNode errors;
    try {
      JsonNode tree = OciJson.mapper().readTree(body);
      errors = tree == null ? null : tree.get("errors");
    } catch (JacksonException e) {
      return List.of();
    }
    if (errors == null || !errors.isArray()) {
      return List.of();
    }
    List<RegistryError> parsed = new ArrayList<>();
    for (JsonNode error : errors) {
      parsed.add(new RegistryError(text(error, "code"), text(error, "message"), error.get("detail")));
    }
    return List.copyOf(parsed);
  }

  @Override
  public String toString() {
    return code + (message == null || message.isEmpty() ? "" : ": " + message);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
