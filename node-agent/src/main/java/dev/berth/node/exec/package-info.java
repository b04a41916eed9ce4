/**
 * Extra processes in running containers ({@code docker exec}): created, started with their output
 * streamed in Docker's multiplexed stream format (or raw with a terminal) and the client's input as
 * their stdin, resized when they have a terminal, inspected for their exit code. Exec sessions live
 * in the agent's memory, as in Docker.
 */
package dev.berth.node.exec;
