package dev.berth.image.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Docker's error body, {@code {"message": ...}}, which the CLI prints after "Error response from daemon: ". */
record ErrorResponse(@JsonProperty("message") String message) {
}
