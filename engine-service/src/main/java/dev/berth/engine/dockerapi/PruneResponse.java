package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /containers/prune}.
 *
 * @param containersDeleted the IDs of the containers removed
 * @param spaceReclaimed bytes freed (containers' writable layers are not measured: 0)
 */
record PruneResponse(@JsonProperty("ContainersDeleted") List<String> containersDeleted,
    @JsonProperty("SpaceReclaimed") long spaceReclaimed) {
}
