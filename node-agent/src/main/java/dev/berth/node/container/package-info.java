/**
 * Containers on this node: their records on local disk, the lifecycle (create, start, stop, kill,
 * restart, pause, remove, wait) with restart policies and Docker's backoff, the monitor that turns
 * conmon's exit files into state changes, and the reconciliation that re-adopts every container
 * when the agent starts again.
 */
package dev.berth.node.container;
