package dev.berth.node.api;

import java.util.List;

/**
 * The processes of a container, as {@code ps} shows them.
 *
 * @param titles the column titles
 * @param processes one row per process
 */
public record TopResult(List<String> titles, List<List<String>> processes) {
}
