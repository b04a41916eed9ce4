package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of a 201 to {@code POST /containers/{id}/exec}.
 *
 * @param id the new exec's ID
 */
record ExecCreateResponse(@JsonProperty("Id") String id) {
}
