package dev.berth.engine.node;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A node agent engine-service knows. */
@Entity
@Table(name = "node")
public class NodeEntity {

  public static final String UP = "up";
  public static final String DOWN = "down";

  @Id
  private String name;
  private String address;
  private String state;
  private int cpus;
  @Column(name = "memory_bytes")
  private long memoryBytes;
  @Column(name = "kernel_version")
  private String kernelVersion;
  @Column(name = "operating_system")
  private String operatingSystem;
  private String runtime;
  @Column(name = "registered_at")
  private Instant registeredAt;
  @Column(name = "last_seen_at")
  private Instant lastSeenAt;
  @Column(name = "failed_heartbeats")
  private int failedHeartbeats;

  protected NodeEntity() {
  }

  public NodeEntity(String name, String address, Instant registeredAt) {
    this.name = name;
    this.address = address;
    this.state = DOWN;
    this.registeredAt = registeredAt;
  }

  public String name() {
    return name;
  }

  public String address() {
    return address;
  }

  public String state() {
    return state;
  }

  public boolean up() {
    return UP.equals(state);
  }

  public int cpus() {
    return cpus;
  }

  public long memoryBytes() {
    return memoryBytes;
  }

  public String kernelVersion() {
    return kernelVersion;
  }

  public String operatingSystem() {
    return operatingSystem;
  }

  public String runtime() {
    return runtime;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  void moveTo(String newAddress) {
    this.address = newAddress;
  }

  /** The agent answered: it is up, with this capacity. */
  void answered(int newCpus, long newMemory, String kernel, String os, String newRuntime, Instant at) {
    this.state = UP;
    this.cpus = newCpus;
    this.memoryBytes = newMemory;
    this.kernelVersion = kernel;
    this.operatingSystem = os;
    this.runtime = newRuntime;
    this.lastSeenAt = at;
    this.failedHeartbeats = 0;
  }

  /** The agent did not answer; down after {@code downAfter} times in a row. Returns whether it just went down. */
  boolean missed(int downAfter) {
    failedHeartbeats++;
    if (up() && failedHeartbeats >= downAfter) {
      state = DOWN;
      return true;
    }
    return false;
  }
}
