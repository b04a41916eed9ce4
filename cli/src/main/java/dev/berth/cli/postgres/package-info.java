/**
 * The stack's one PostgreSQL: {@code berth postgres} runs zonky's embedded PostgreSQL on the data
 * directory's {@code postgres/} until it is told to stop, so the supervisor can watch and restart
 * it like any other process.
 */
package dev.berth.cli.postgres;
