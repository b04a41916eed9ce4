/**
 * Docker's hijacked connections (§4.4 of {@code shared/reference/docker-engine-api.md}): attach and
 * exec start sent with {@code Upgrade: tcp}, answered {@code 101 UPGRADED} by engine-service, after
 * which the connection carries raw stdin one way and output the other. Route filters cannot proxy
 * that, so a Netty handler placed right after the HTTP server codec takes such a request off HTTP
 * processing, connects to engine-service on the same event loop, replays the request and splices
 * the two connections byte for byte, half-closes included.
 */
package dev.berth.gateway.hijack;
