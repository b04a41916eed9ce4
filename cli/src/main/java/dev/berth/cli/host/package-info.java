/**
 * The host under {@code berth up}: the programs and files the node agent and the seed images need
 * ({@link dev.berth.cli.host.Prerequisites}), installing the missing ones with apt on Debian and Ubuntu,
 * whether we run as root, and who holds a port.
 */
package dev.berth.cli.host;
