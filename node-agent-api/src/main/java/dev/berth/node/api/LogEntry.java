package dev.berth.node.api;

import java.time.Instant;

/**
 * One line (or part of a line, when {@code partial}) a container wrote.
 *
 * @param time when it was written
 * @param stream {@code stdout} or {@code stderr}
 * @param partial whether the line continues in the next entry (the process wrote no newline yet)
 * @param line the text, without its newline
 */
public record LogEntry(Instant time, String stream, boolean partial, String line) {
}
