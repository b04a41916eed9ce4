/**
 * State changes of this node's containers: numbered, appended to a log on local disk, readable by
 * sequence number ({@code GET /api/v1/events}) and pushed to the configured report URL
 * (engine-service) in order, retried until acknowledged. Sequence numbers let the receiver apply
 * each event once.
 */
package dev.berth.node.event;
