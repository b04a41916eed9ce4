/**
 * Berth's engine-service: the control plane of the daemon. It keeps every container's record in
 * PostgreSQL (schema {@code engine}), places containers on node agents and drives them there,
 * takes the agents' reports as the truth about what runs, and serves Berth's native container API
 * and the Docker Engine API's container, exec and system endpoints.
 */
package dev.berth.engine;
