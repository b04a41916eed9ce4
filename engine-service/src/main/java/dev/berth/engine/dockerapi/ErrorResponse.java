package dev.berth.engine.dockerapi;

/** Docker's error body. */
record ErrorResponse(String message) {
}
