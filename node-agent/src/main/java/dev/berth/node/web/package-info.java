/**
 * The agent's HTTP API ({@code /api/v1}), the contract {@code node-agent-api} describes for
 * engine-service: containers, attach, exec, logs, stats, the node itself. Errors are RFC 9457
 * problem details. Attach and exec start take the connection over with {@code Upgrade: tcp}.
 */
package dev.berth.node.web;
