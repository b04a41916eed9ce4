package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code GET /containers/{id}/top}.
 *
 * @param titles the column titles of {@code ps}
 * @param processes one row per process of the container
 */
record TopResponse(@JsonProperty("Titles") List<String> titles,
    @JsonProperty("Processes") List<List<String>> processes) {
}
