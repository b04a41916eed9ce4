package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.node.api.ContainerStatus;
import java.util.List;
import java.util.Map;

/** Docker's {@code EndpointSettings}: a container's attachment to one network. */
record EndpointResponse(
    @JsonProperty("IPAMConfig") Map<String, Object> ipamConfig,
    @JsonProperty("Links") List<String> links,
    @JsonProperty("Aliases") List<String> aliases,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("NetworkID") String networkId,
    @JsonProperty("EndpointID") String endpointId,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("IPAddress") String ipAddress,
    @JsonProperty("IPPrefixLen") int ipPrefixLen,
    @JsonProperty("IPv6Gateway") String ipv6Gateway,
    @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
    @JsonProperty("GlobalIPv6PrefixLen") int globalIpv6PrefixLen,
    @JsonProperty("DriverOpts") Map<String, String> driverOpts,
    @JsonProperty("DNSNames") List<String> dnsNames) {

  /** The endpoint on network {@code name}: its addresses while attached, empty ones otherwise. */
  static EndpointResponse of(String name, ContainerStatus.NetworkInfo network) {
    boolean attached = network != null && network.ipAddress() != null;
    return new EndpointResponse(null, null, null, attached && network.macAddress() != null ? network.macAddress() : "",
        name, "", attached ? nullToEmpty(network.gateway()) : "", attached ? network.ipAddress() : "",
        attached ? network.prefixLength() : 0, "", "", 0, null, null);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
