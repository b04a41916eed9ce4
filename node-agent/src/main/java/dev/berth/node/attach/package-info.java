/**
 * Attaching to a container's stdio ({@code docker attach}, {@code docker run} without {@code -d}):
 * a client connects to conmon's attach socket — at once, or for the container's next run before it
 * starts — and receives the output in Docker's multiplexed stream format (raw with a terminal) while
 * what it sends is the container's stdin; and the terminal size, through conmon's control FIFO.
 */
package dev.berth.node.attach;
