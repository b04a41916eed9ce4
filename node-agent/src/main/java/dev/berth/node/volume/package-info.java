/**
 * Docker's local volumes on the node: named and anonymous volumes as directories under the agent's
 * data directory, copy-up of the image's content into a new volume, and per-container records so
 * that {@code docker rm -v} removes a container's anonymous volumes. {@link dev.berth.node.volume.Volumes}
 * resolves a container's volumes into the bind mounts its bundle
 * (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config.md#mounts">mounts</a>) gets.
 */
package dev.berth.node.volume;
