/**
 * Real peers for tests, never mocks: Debian's CNCF distribution registry started as a process on
 * a free loopback port, and small OCI image layouts built with umoci from busybox-static, pushed
 * with skopeo.
 */
package dev.berth.testsupport;
