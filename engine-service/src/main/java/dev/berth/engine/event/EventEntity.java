package dev.berth.engine.event;

import dev.berth.oci.OciJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** One recorded event. */
@Entity
@Table(name = "event")
public class EventEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Instant time;
  private String type;
  private String action;
  @Column(name = "actor_id")
  private String actorId;
  private String attributes;

  protected EventEntity() {
  }

  EventEntity(Instant time, String type, String action, String actorId, Map<String, String> attributes) {
    this.time = time;
    this.type = type;
    this.action = action;
    this.actorId = actorId;
    this.attributes = OciJson.mapper().writeValueAsString(attributes);
  }

  public long id() {
    return id;
  }

  public Instant time() {
    return time;
  }

  public String type() {
    return type;
  }

  public String action() {
    return action;
  }

  public String actorId() {
    return actorId;
  }

  public Map<String, String> attributes() {
    return OciJson.mapper().readValue(attributes, new TypeReference<Map<String, String>>() { });
  }
}
