package dev.berth.node.bundle;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bundle settings ({@code berth.node.bundle.*}).
 *
 * @param seccompProfile the seccomp profile in Docker's format applied to unprivileged containers;
 *     containers run without seccomp when the file does not exist
 * @param hostEtc the host directory whose {@code hosts} and {@code resolv.conf} containers derive theirs from
 */
@ConfigurationProperties("berth.node.bundle")
public record BundleProperties(@DefaultValue("/usr/share/containers/seccomp.json") Path seccompProfile,
    @DefaultValue("/etc") Path hostEtc) {
}
