package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.oci.OciJson;

/**
 * What a container was created with through the Docker API, kept with its record so that inspect
 * shows what the client sent.
 */
record CreateBody(@JsonProperty("Config") ContainerConfig config, @JsonProperty("HostConfig") HostConfig hostConfig) {

  String toJson() {
    return OciJson.mapper().writeValueAsString(this);
  }

  /** The body stored as {@code json}; an empty one for containers created through the native API. */
  static CreateBody fromJson(String json) {
    if (json == null) {
      return new CreateBody(new ContainerConfig(null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null), HostConfig.empty());
    }
    return OciJson.mapper().readValue(json, CreateBody.class);
  }
}
