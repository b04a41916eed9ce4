/**
 * Real peers for tests, never mocks: Debian's CNCF distribution registry started as a process on
 * a free loopback port (with a token server when it must require token authentication, and a
 * forwarding proxy that logs requests and can cut a transfer), Berth's services started from their
 * jars (registry-service as the second {@link dev.berth.testsupport.RegistryPeer}), small OCI image
 * layouts built with umoci from busybox-static and pushed with skopeo, and hand-made images pushed
 * through the distribution API exactly as given, for hostile content; and a raw-socket client of
 * Docker's hijacked ({@code Upgrade: tcp}) connections.
 */
package dev.berth.testsupport;
