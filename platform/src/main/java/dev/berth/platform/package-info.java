/**
 * Spring Boot auto-configuration every Berth service shares and nothing domain-specific: the
 * service's data directory, an embedded PostgreSQL when no database is configured, platform
 * property defaults (virtual threads, problem+json, actuator exposure, meter tags) and OpenAPI
 * metadata; plus the servlet side of Docker's {@code Upgrade: tcp} hijack, which the services that
 * stream a process's stdio share.
 */
package dev.berth.platform;
