/**
 * Berth's gateway: the one address clients use. It routes the native REST API, the Docker Engine
 * API and the OCI distribution API to engine-service, image-service and registry-service without
 * buffering, splices Docker's hijacked attach and exec connections as raw TCP, answers its own
 * errors in each protocol's format and serves one Swagger UI for every service. It holds no domain
 * logic.
 */
package dev.berth.gateway;
