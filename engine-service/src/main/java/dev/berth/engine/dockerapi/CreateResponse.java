package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Docker's answer to a container create: the new ID and warnings the CLI prints. */
record CreateResponse(@JsonProperty("Id") String id, @JsonProperty("Warnings") List<String> warnings) {
}
