package dev.berth.image.dockerapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

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
 * @param aux a result the client reads, such as the digest a push produced
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonMessage(String status, ProgressDetail progressDetail, String progress, String id,
    ErrorDetail errorDetail, String error, PushResult aux) {

  /** Byte counts of a layer; {@code {}} when there are none. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ProgressDetail(Long current, Long total) {
  }

  /** What a push produced, as {@code docker push} reads it from the stream's last message. */
  record PushResult(@JsonProperty("Tag") String tag, @JsonProperty("Digest") String digest,
      @JsonProperty("Size") long size) {
  }

  /** Why the stream ended. */
  record ErrorDetail(String message) {
  }

  /** A message about the whole image. */
  static JsonMessage status(String status) {
    return new JsonMessage(status, null, null, null, null, null, null);
  }

  /** A message about layer {@code id}, without byte counts. */
  static JsonMessage layer(String id, String status) {
    return new JsonMessage(status, new ProgressDetail(null, null), null, id, null, null, null);
  }

  /** A layer's byte counts with the rendered bar. */
  static JsonMessage transfer(String id, String status, long current, long total) {
    return new JsonMessage(status, new ProgressDetail(current, total), JsonMessages.bar(current, total), id, null, null,
        null);
  }

  /** The message ending a stream that failed. */
  static JsonMessage error(String message) {
    return new JsonMessage(null, null, null, null, new ErrorDetail(message), message, null);
  }
}
