/**
 * Online garbage collection: mark-and-sweep over PostgreSQL references while pushes and pulls go
 * on. A blob is collected only when no manifest is or references it, it was not uploaded, mounted
 * or checked for within the grace period, and its row lock can be taken; every step that makes a
 * blob live holds that row, so a collector and a push can never both win. Runs on a schedule and
 * on demand through {@code /api/v1/gc}.
 */
package dev.berth.registry.gc;
