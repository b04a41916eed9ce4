/**
 * The OCI runtime configuration as records: the parts of
 * <a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config.md">config.md</a> and
 * <a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config-linux.md">config-linux.md</a> that
 * Berth writes into a bundle's {@code config.json} and an exec's {@code process.json}, with the spec's JSON keys.
 * Written with {@code OciJson.mapper()}, which leaves absent (null) fields out.
 */
package dev.berth.node.bundle.spec;
