/**
 * What {@code berth up} runs and where it keeps it: the services in start order with their ports,
 * commands and environment ({@link dev.berth.cli.stack.StackPlan}), the layout of the data directory,
 * the state file that names every running process, and health probes.
 */
package dev.berth.cli.stack;
