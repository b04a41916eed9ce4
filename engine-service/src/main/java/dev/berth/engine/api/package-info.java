/**
 * Berth's native REST API of engine-service: {@code /api/v1/containers}, {@code /api/v1/nodes},
 * {@code /api/v1/events}; errors as RFC 9457 problem details.
 */
package dev.berth.engine.api;
