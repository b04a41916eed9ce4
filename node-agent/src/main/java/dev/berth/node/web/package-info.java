/**
 * The agent's HTTP API ({@code /api/v1}), the contract {@code node-agent-api} describes for
 * engine-service: containers, exec, logs, stats, the node itself. Errors are RFC 9457 problem
 * details.
 */
package dev.berth.node.web;
