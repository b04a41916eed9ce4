/**
 * The supervisor {@code berth up} leaves running: it starts the stack's processes in order, waits
 * for each to be healthy, seeds the registry once, and restarts any process that dies, with a
 * backoff ({@link dev.berth.cli.supervisor.SupervisedProcess}); on SIGTERM or Ctrl-C it stops them
 * in reverse order. Containers are not its business: node-agent leaves them running when it stops.
 */
package dev.berth.cli.supervisor;
