/**
 * The {@code berth} command: parses its arguments ({@link dev.berth.cli.Arguments}) and runs one of
 * the commands in {@link dev.berth.cli.command}. Plain Java without Spring, so it starts in a blink.
 */
package dev.berth.cli;
