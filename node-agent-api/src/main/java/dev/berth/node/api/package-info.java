/**
 * The contract between engine-service and a node agent: what a container is made of
 * ({@link dev.berth.node.api.ContainerSpec}), what the agent reports back
 * ({@link dev.berth.node.api.ContainerStatus}, {@link dev.berth.node.api.NodeEvent}), and
 * {@link dev.berth.node.api.NodeAgentClient}, the typed HTTP client of the agent's API.
 */
package dev.berth.node.api;
