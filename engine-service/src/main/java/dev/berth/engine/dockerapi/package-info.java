/**
 * The Docker Engine API of engine-service — containers, exec, events and the system endpoints —
 * translated onto Berth's container domain, following {@code shared/reference/docker-engine-api.md}
 * to the byte where the docker CLI 28.2 and docker-java read it. Paths come with or without a
 * {@code /v1.NN} prefix (1.24 and newer); 1.44 is advertised.
 */
package dev.berth.engine.dockerapi;
