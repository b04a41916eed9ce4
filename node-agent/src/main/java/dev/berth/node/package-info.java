/**
 * Berth's node agent: one per host, privileged. It unpacks image layers into snapshots, mounts
 * overlay root filesystems, writes OCI runtime bundles and launches them through conmon and an OCI
 * runtime, sets up networking and published ports, and keeps every container's state on local disk
 * so that containers outlive the agent and are re-adopted when it starts again.
 */
package dev.berth.node;
