package dev.berth.engine.container;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerStatus;
import dev.berth.oci.OciJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;

/** A container's record: where it runs, what it was created with, and its last known state. */
@Entity
@Table(name = "container")
public class ContainerEntity {

  public static final String CREATING = "creating";

  @Id
  private String id;
  private String name;
  private String node;
  private String image;
  @Column(name = "image_id")
  private String imageId;
  @Column(name = "manifest_digest")
  private String manifestDigest;
  private String spec;
  private String state;
  private int pid;
  @Column(name = "exit_code")
  private Integer exitCode;
  @Column(name = "oom_killed")
  private boolean oomKilled;
  private String error;
  @Column(name = "created_at")
  private Instant createdAt;
  @Column(name = "started_at")
  private Instant startedAt;
  @Column(name = "finished_at")
  private Instant finishedAt;
  @Column(name = "restart_count")
  private int restartCount;
  private String network;
  @Column(name = "docker_config")
  private String dockerConfig;
  @Column(name = "node_revision")
  private long nodeRevision;
  @Version
  private long version;
  @Transient
  private ContainerSpec parsedSpec;

  protected ContainerEntity() {
  }

  ContainerEntity(ContainerSpec spec, String node, String image, String imageId, Instant createdAt) {
    this.id = spec.id();
    this.name = spec.name();
    this.node = node;
    this.image = image;
    this.imageId = imageId;
    this.manifestDigest = spec.image();
    this.spec = OciJson.mapper().writeValueAsString(spec);
    this.parsedSpec = spec;
    this.state = CREATING;
    this.createdAt = createdAt;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String node() {
    return node;
  }

  public String image() {
    return image;
  }

  public String imageId() {
    return imageId;
  }

  public String manifestDigest() {
    return manifestDigest;
  }

  /** What the container was created with; parsed once per loaded record. */
  public ContainerSpec spec() {
    if (parsedSpec == null) {
      parsedSpec = OciJson.mapper().readValue(spec, ContainerSpec.class);
    }
    return parsedSpec;
  }

  public String state() {
    return state;
  }

  public int pid() {
    return pid;
  }

  public Integer exitCode() {
    return exitCode;
  }

  public boolean oomKilled() {
    return oomKilled;
  }

  public String error() {
    return error;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public int restartCount() {
    return restartCount;
  }

  public ContainerStatus.NetworkInfo network() {
    return network == null ? null : OciJson.mapper().readValue(network, ContainerStatus.NetworkInfo.class);
  }

  /** The Docker Engine API create body (JSON) the container was made from, or null. */
  public String dockerConfig() {
    return dockerConfig;
  }

  void dockerConfig(String json) {
    this.dockerConfig = json;
  }

  /**
   * Takes the state the node agent reported, unless the record already holds a newer one (a status
   * read before another was applied arrives late): returns whether it was taken.
   */
  boolean apply(ContainerStatus status) {
    if (status.revision() < nodeRevision) {
      return false;
    }
    this.nodeRevision = status.revision();
    this.state = status.state();
    this.pid = status.pid();
    this.exitCode = status.exitCode();
    this.oomKilled = status.oomKilled();
    this.error = status.error();
    this.startedAt = status.startedAt();
    this.finishedAt = status.finishedAt();
    this.restartCount = status.restartCount();
    this.network = status.network() == null ? null : OciJson.mapper().writeValueAsString(status.network());
    return true;
  }

  /** Takes new host options (limits, restart policy) into the spec. */
  void host(dev.berth.node.api.HostOptions host) {
    ContainerSpec old = spec();
    respec(new ContainerSpec(old.id(), old.name(), old.image(), old.entrypoint(), old.cmd(), old.env(),
        old.workingDir(), old.user(), old.hostname(), old.domainname(), old.tty(), old.openStdin(), old.stopSignal(),
        old.stopTimeout(), old.labels(), host));
  }

  /** The container now lives on {@code newNode}, whose record of it starts its own revisions. */
  void moveTo(String newNode) {
    this.node = newNode;
    this.nodeRevision = 0;
  }

  void rename(String newName) {
    this.name = newName;
    ContainerSpec old = spec();
    respec(new ContainerSpec(old.id(), newName, old.image(), old.entrypoint(), old.cmd(), old.env(),
        old.workingDir(), old.user(), old.hostname(), old.domainname(), old.tty(), old.openStdin(), old.stopSignal(),
        old.stopTimeout(), old.labels(), old.host()));
  }

  private void respec(ContainerSpec newSpec) {
    this.spec = OciJson.mapper().writeValueAsString(newSpec);
    this.parsedSpec = newSpec;
  }
}
