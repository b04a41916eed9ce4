package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /exec/{id}/start}: {@code {"Detach":false,"Tty":false}}, nulls from
 * docker-java.
 *
 * @param detach run it in the background and answer at once
 * @param tty the terminal the exec was created with (the exec's own setting wins)
 */
record ExecStartRequest(@JsonProperty("Detach") Boolean detach, @JsonProperty("Tty") Boolean tty) {
}
