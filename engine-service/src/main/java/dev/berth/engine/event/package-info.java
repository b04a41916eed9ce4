/**
 * Events: every state change of containers (and later images, networks, volumes) recorded in
 * PostgreSQL with a retention period, readable by time and filters and followed as a stream.
 */
package dev.berth.engine.event;
