/**
 * Spring Boot auto-configuration every Berth service shares and nothing domain-specific: the
 * service's data directory, an embedded PostgreSQL when no database is configured, platform
 * property defaults (virtual threads, problem+json, actuator exposure, meter tags) and OpenAPI
 * metadata.
 */
package dev.berth.platform;
