package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.engine.event.EventEntity;
import java.time.Instant;
import java.util.Map;

/**
 * One message of Docker's {@code GET /events} stream. API 1.44 still carries the legacy
 * {@code status}, {@code id} and {@code from} of container events (and {@code status} and
 * {@code id} of image events). See the reference's §3.18.
 *
 * @param status legacy copy of the action
 * @param id legacy copy of the actor's ID
 * @param from legacy: the container's image
 * @param type {@code container}, {@code image}, {@code network}, {@code volume}, ...
 * @param action what happened: create, start, die, exec_start: ..., destroy
 * @param actor what it happened to
 * @param scope always {@code local}
 * @param time Unix seconds
 * @param timeNano Unix nanoseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventMessage(@JsonProperty("status") String status, @JsonProperty("id") String id,
    @JsonProperty("from") String from, @JsonProperty("Type") String type, @JsonProperty("Action") String action,
    @JsonProperty("Actor") Actor actor, @JsonProperty("scope") String scope, @JsonProperty("time") long time,
    @JsonProperty("timeNano") long timeNano) {

  static EventMessage of(EventEntity event) {
    return of(event.time(), event.type(), event.action(), event.actorId(), event.attributes());
  }

  static EventMessage of(Instant time, String type, String action, String actorId, Map<String, String> attributes) {
    boolean container = "container".equals(type);
    boolean legacy = container || "image".equals(type);
    return new EventMessage(legacy ? action : null, legacy ? actorId : null, container ? attributes.get("image") : null,
        type, action, new Actor(actorId, attributes), "local", time.getEpochSecond(),
        time.getEpochSecond() * 1_000_000_000L + time.getNano());
  }

  /**
   * What an event happened to.
   *
   * @param id its ID
   * @param attributes its name, image, labels, exit code, ...
   */
  record Actor(@JsonProperty("ID") String id, @JsonProperty("Attributes") Map<String, String> attributes) {
  }
}
