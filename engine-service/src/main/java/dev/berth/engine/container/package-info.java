/**
 * Container records and their lifecycle: created here (image resolved through image-service,
 * placed on a node), driven on their node agent, and kept in step with what the agent reports;
 * what containers write and do (logs, processes, stats, waits, their stdio attached) and their
 * execs, streamed from their node agent without buffering.
 */
package dev.berth.engine.container;
