/**
 * Container records and their lifecycle: created here (image resolved through image-service,
 * placed on a node), driven on their node agent, and kept in step with what the agent reports.
 */
package dev.berth.engine.container;
