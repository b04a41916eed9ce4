/**
 * Test support: OCI bundles whose root filesystem is the host's static busybox, run for real through
 * conmon and runc.
 */
package dev.berth.node.busybox;
