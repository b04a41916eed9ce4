/**
 * Image events in Docker's words (pull, push, tag, untag, delete, import, load, save), kept in an
 * outbox table and reported in order to engine-service, which serves every event stream; nothing
 * is kept when no engine-service is configured ({@code berth.image.engine}).
 */
package dev.berth.image.event;
