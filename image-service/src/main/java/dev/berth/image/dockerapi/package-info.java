/**
 * The image endpoints of the Docker Engine API ({@code /images/**}, {@code /auth}), translating
 * Docker's wire format onto the image store, as the docker CLI 28 and docker-java send and read it
 * ({@code shared/reference/docker-engine-api.md}; the
 * <a href="https://docs.docker.com/reference/api/engine/version/v1.47/#tag/Image">Engine API reference</a>).
 * Requests may carry a {@code /v1.NN} prefix (the gateway strips it; so does
 * {@link dev.berth.image.dockerapi.DockerRoutingFilter}), image names may contain {@code /} and
 * {@code :}, escaped or not, and errors are {@code {"message": ...}} with Docker's statuses. Names
 * on Docker Hub ({@code docker.io/library/x}, which the CLI sends for {@code x}) denote the default
 * registry's, so that {@code x} means the same image to the CLI and to Berth.
 */
package dev.berth.image.dockerapi;
