package dev.berth.node.api;

/**
 * An rlimit of the container's processes.
 *
 * @param name Docker's name ({@code nofile}, {@code nproc}, {@code core}, ...)
 * @param soft soft limit
 * @param hard hard limit
 */
public record Ulimit(String name, long soft, long hard) {
}
