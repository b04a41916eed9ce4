package dev.berth.node.runtime;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How containers are launched ({@code berth.node.runtime.*}).
 *
 * @param name {@code auto} (crun when installed and the host's cgroups suit it, else runc), {@code runc} or {@code crun}
 * @param runc the runc binary, looked up on PATH unless absolute
 * @param crun the crun binary
 * @param conmon the conmon binary
 * @param stateDir the runtime's state, the containers' bundles and conmon's attach sockets: a directory on
 *     tmpfs, or one the agent mounts a tmpfs at ({@link RuntimeStateDir})
 */
@ConfigurationProperties("berth.node.runtime")
public record RuntimeProperties(@DefaultValue("auto") String name, @DefaultValue("runc") String runc,
    @DefaultValue("crun") String crun, @DefaultValue("conmon") String conmon,
    @DefaultValue("/run/berth") Path stateDir) {
}
