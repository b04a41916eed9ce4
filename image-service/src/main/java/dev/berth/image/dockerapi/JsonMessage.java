package dev.berth.image.dockerapi;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One message of Docker's JSON message stream (moby's {@code JSONMessage}), as pulls send them
 * one per line. Absent fields are left out; per-layer messages carry a {@code progressDetail},
 * empty when there are no byte counts, because the CLI redraws a layer's line in place only then
 * and Testcontainers counts only such messages as progress.
 *
 * @param status what happened, e.g. {@code Pulling fs layer}
 * @param progressDetail bytes done and in all, for a layer
 * @param progress the rendered progress bar
 * @param id a layer's short ID, or the tag pulled
 * @param errorDetail the failure that ended the stream
 * @param error the failure's message again, for older clients
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonMessage(String status, ProgressDetail progressDetail, String progress, String id,
    ErrorDetail errorDetail, String error) {

  /** Byte counts of a layer; {@code {}} when there are none. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ProgressDetail(Long current, Long total) {
  }

  /** Why the stream ended. */
  record ErrorDetail(String message) {
  }

  /** A message about the whole image. */
  static JsonMessage status(String status) {
    return new JsonMessage(status, null, null, null, null, null);
  }

  /** A message about layer {@code id}, without byte counts. */
  static JsonMessage layer(String id, String status) {
    return new JsonMessage(status, new ProgressDetail(null, null), null, id, null, null);
  }

  /** The message ending a stream that failed. */
  static JsonMessage error(String message) {
    return new JsonMessage(null, null, null, null, new ErrorDetail(message), message);
  }
}
