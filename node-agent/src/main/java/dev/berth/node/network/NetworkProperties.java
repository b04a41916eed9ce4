package dev.berth.node.network;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Container networking settings ({@code berth.node.network.*}).
 *
 * @param bridge the Linux bridge bridge-mode containers attach to (also the CNI network's name); at most 15 characters
 * @param subnet the bridge network's IPv4 subnet in CIDR notation
 * @param gateway the bridge's own address in that subnet, the containers' default gateway
 * @param pluginDir where the CNI plugin binaries are ({@code CNI_PATH})
 * @param namespaceDir where the containers' network namespaces are bind-mounted, one file per container
 * @param pluginTimeout how long one CNI plugin invocation may take
 * @param udpIdleTimeout after how long without traffic a published UDP port forgets a client
 */
@ConfigurationProperties("berth.node.network")
public record NetworkProperties(@DefaultValue("berth0") String bridge, @DefaultValue("10.89.0.0/16") String subnet,
    @DefaultValue("10.89.0.1") String gateway, @DefaultValue("/usr/lib/cni") Path pluginDir,
    @DefaultValue("/run/berth/netns") Path namespaceDir, @DefaultValue("30s") Duration pluginTimeout,
    @DefaultValue("30s") Duration udpIdleTimeout) {
}
