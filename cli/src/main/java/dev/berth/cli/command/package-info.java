/**
 * The user's commands: {@code up} (check the host, start a detached supervisor or supervise in the
 * foreground, follow its progress), {@code down} and {@code status}, all working from the data
 * directory's pid and state files.
 */
package dev.berth.cli.command;
