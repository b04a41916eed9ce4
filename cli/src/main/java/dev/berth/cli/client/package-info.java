/**
 * {@code berth ps}, {@code images} and {@code pull}: Berth's native REST API
 * ({@code /api/v1/containers}, {@code /api/v1/images}) through the gateway, printed as tables and
 * progress lines the way the docker CLI prints them.
 */
package dev.berth.cli.client;
