/**
 * Which service answers which path: the route table of the native {@code /api/v1} API, the Docker
 * Engine API (with or without its {@code /vX.Y} prefix, passed on as sent, since the services read
 * the version from it), the OCI distribution API under {@code /v2} and each service's OpenAPI
 * document, plus the response decoration that makes Docker's long-lived streams flush as they come.
 */
package dev.berth.gateway.route;
