/**
 * Container networking on one host, in Docker's modes: {@code none} (a new network namespace with only
 * loopback, which the runtime creates with the container), {@code host} (the host's namespace) and {@code bridge} (a namespace attached to the
 * bridge {@code berth0} by the reference CNI plugins, invoked as the
 * <a href="https://github.com/containernetworking/cni/blob/main/SPEC.md#section-2-execution-protocol">CNI
 * execution protocol</a> prescribes: bridge with host-local IPAM). Bridge namespaces are bind-mounted files
 * that the runtime joins by path, published ports are forwarded by a userland proxy inside the agent, and
 * each attachment is persisted as a JSON file so that the agent can restart, re-adopt the running
 * containers' ports and clean up everything else.
 */
package dev.berth.node.network;
