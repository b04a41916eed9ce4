package dev.berth.node.api;

/**
 * A node and its capacity.
 *
 * @param name the node's name
 * @param address where its agent's API is reached
 * @param cpus CPUs online
 * @param memoryBytes total memory
 * @param kernelVersion the host kernel release
 * @param operatingSystem the host's PRETTY_NAME
 * @param runtime the OCI runtime it launches containers with ({@code runc}, {@code crun})
 * @param cgroupVersion {@code 1} or {@code 2}
 * @param containers containers it holds
 * @param running of which running
 * @param snapshotBytes disk space its layer snapshots use
 */
public record NodeInfo(String name, String address, int cpus, long memoryBytes, String kernelVersion,
    String operatingSystem, String runtime, int cgroupVersion, int containers, int running, long snapshotBytes) {
}
