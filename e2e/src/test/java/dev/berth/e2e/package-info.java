/**
 * Black-box suites: each starts a service jar as a real process, exactly as a user runs it
 * ({@code java -jar}, a loopback port, a fresh data directory), and drives it over the wire with
 * real clients only — skopeo, umoci-built OCI layouts, the JDK's HTTP client — never with the
 * services' own classes.
 */
package dev.berth.e2e;
