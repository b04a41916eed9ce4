/**
 * {@code berth up}, {@code status} and {@code down} run for real: the built {@code berth.jar} starting the
 * built service jars on their fixed ports, one embedded PostgreSQL, a supervisor that restarts what is killed.
 */
package dev.berth.cli.it;
