package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.MountSpec;
import java.util.List;

/** Docker's {@code MountPoint}: a mount as inspect and the container list show it. */
record MountResponse(
    @JsonProperty("Type") String type,
    @JsonProperty("Name") @JsonInclude(JsonInclude.Include.NON_NULL) String name,
    @JsonProperty("Source") String source,
    @JsonProperty("Destination") String destination,
    @JsonProperty("Driver") @JsonInclude(JsonInclude.Include.NON_NULL) String driver,
    @JsonProperty("Mode") String mode,
    @JsonProperty("RW") boolean rw,
    @JsonProperty("Propagation") String propagation) {

  /** The mounts of {@code spec}, in its order. */
  static List<MountResponse> of(ContainerSpec spec) {
    if (spec.host() == null || spec.host().mounts() == null) {
      return List.of();
    }
    return spec.host().mounts().stream().map(MountResponse::of).toList();
  }

  private static MountResponse of(MountSpec mount) {
    return switch (mount.type()) {
      case "bind" -> new MountResponse("bind", null, mount.source(), mount.target(), null, "", !mount.readOnly(),
          "rprivate");
      case "volume" -> new MountResponse("volume", mount.source(), "", mount.target(), "local", "z",
          !mount.readOnly(), "");
      default -> new MountResponse(mount.type(), null, "", mount.target(), null, "", !mount.readOnly(), "");
    };
  }
}
