/**
 * The edge of the {@code /v2} API (<a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md">OCI
 * distribution spec</a>): routing of multi-component repository names, name validation, the
 * spec's error codes and JSON error envelope, pagination links and the API version check.
 */
package dev.berth.registry.distribution;
