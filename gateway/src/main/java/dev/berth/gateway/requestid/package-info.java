/**
 * A request id on every request: the gateway keeps a sane {@code X-Request-Id} a client sent or
 * makes one, passes it to the service (which logs under it), returns it on the response and logs
 * each request with it, hijacked connections included.
 */
package dev.berth.gateway.requestid;
