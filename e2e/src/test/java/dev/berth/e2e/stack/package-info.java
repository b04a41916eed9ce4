/**
 * The whole stack as a user runs it: started once per test run with {@code ./berth up} from the
 * repository root (and stopped with {@code ./berth down} after the last suite), and the real
 * clients that drive it — the docker CLI (under a pseudo-terminal where a command needs one) and
 * curl — pointed at the gateway.
 */
package dev.berth.e2e.stack;
