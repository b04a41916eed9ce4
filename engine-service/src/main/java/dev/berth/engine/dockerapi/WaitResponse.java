package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /containers/{id}/wait}: {@code {"StatusCode":0,"Error":null}}, the
 * error present when waiting failed.
 *
 * @param statusCode the container's exit code, -1 when waiting failed
 * @param error why waiting failed, or null
 */
record WaitResponse(@JsonProperty("StatusCode") int statusCode,
    @JsonProperty("Error") @JsonInclude(JsonInclude.Include.ALWAYS) WaitError error) {

  /**
   * Why a wait failed.
   *
   * @param message the reason
   */
  record WaitError(@JsonProperty("Message") String message) {
  }
}
