/**
 * The node agents engine-service drives: configured or registered, asked for their state on a
 * heartbeat (a node that stops answering is marked down), chosen for new containers (least loaded
 * healthy node, or the one a constraint names), and reached through typed HTTP clients.
 */
package dev.berth.engine.node;
