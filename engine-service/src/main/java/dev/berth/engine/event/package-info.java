/**
 * Events: every state change of containers, images, volumes and networks recorded in PostgreSQL
 * with a retention period, readable by time and filters and followed as a stream. Node agents and
 * image-service report theirs as numbered reports, each applied once.
 */
package dev.berth.engine.event;
