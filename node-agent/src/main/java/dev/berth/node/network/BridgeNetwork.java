package dev.berth.node.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bridge network as a CNI network configuration: the
 * <a href="https://www.cni.dev/plugins/current/main/bridge/">bridge plugin</a> (gateway address on the bridge,
 * masquerading, hairpin mode) with <a href="https://www.cni.dev/plugins/current/ipam/host-local/">host-local</a>
 * IPAM keeping its allocations under the agent's data directory. The configuration's {@code cniVersion} is the
 * newest the installed bridge plugin and this class both speak.
 */
final class BridgeNetwork {

  /** The result formats this class reads, newest first (0.4.0 and 1.0.0 agree on the fields it uses). */
  private static final List<String> SPOKEN_VERSIONS = List.of("1.0.0", "0.4.0");
  private static final String PLUGIN = "bridge";

  private final NetworkProperties properties;
  private final Path ipamDir;
  private final CniPlugins plugins;
  private final JsonMapper json;
  private volatile String cniVersion;

  BridgeNetwork(NetworkProperties properties, Path ipamDir, CniPlugins plugins, JsonMapper json) {
    this.properties = properties;
    this.ipamDir = ipamDir;
    this.plugins = plugins;
    this.json = json;
  }

  /** The container's address as a bridge plugin result reports it. */
  record Address(String ipAddress, int prefixLength, String gateway, String macAddress) {
  }

  /** The network configuration for ADD, to be kept with the container for its DEL. */
  ObjectNode config() throws IOException {
    return config(properties.bridge(), version());
  }

  /** Reads the container's IPv4 address, gateway and MAC from an ADD result. */
  static Address address(JsonNode result) throws CniException {
    for (JsonNode ip : result.path("ips")) {
      String[] cidr = ip.path("address").asString("").split("/");
      if (cidr.length == 2 && !cidr[0].contains(":")) {
        JsonNode interfaces = result.path("interfaces");
        JsonNode own = ip.has("interface") ? interfaces.path(ip.path("interface").asInt()) : null;
        for (int i = 0; own == null && i < interfaces.size(); i++) {
          if (interfaces.get(i).has("sandbox")) {
            own = interfaces.get(i);
          }
        }
        String mac = own == null ? null : own.path("mac").asString(null);
        return new Address(cidr[0], Integer.parseInt(cidr[1]), ip.path("gateway").asString(null), mac);
      }
    }
    throw new CniException("CNI result has no IPv4 address: " + result);
  }

  /**
   * Releases the IPAM allocations of containers not in {@code keep}: what an ADD left behind when the
   * agent stopped before it could record it. Only the allocation is released (DEL without a namespace).
   */
  void releaseAllocations(Set<String> keep) throws IOException {
    if (!Files.isDirectory(ipamDir)) {
      return;
    }
    try (Stream<Path> networks = Files.list(ipamDir)) {
      for (Path network : networks.filter(Files::isDirectory).toList()) {
        for (String owner : owners(network)) {
          if (!keep.contains(owner)) {
            plugins.del(config(network.getFileName().toString(), version()), null, owner, null);
          }
        }
      }
    }
  }

  /** The container IDs host-local recorded in its allocation files (named by address, holding ID and interface). */
  private static Set<String> owners(Path network) throws IOException {
    Set<String> owners = new HashSet<>();
    try (Stream<Path> files = Files.list(network)) {
      for (Path file : files.filter(file -> Character.isDigit(file.getFileName().toString().charAt(0))).toList()) {
        String owner = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        if (!owner.isEmpty()) {
          owners.add(owner);
        }
      }
    }
    return owners;
  }

  private ObjectNode config(String name, String version) {
    ObjectNode config = json.createObjectNode()
        .put("cniVersion", version)
        .put("name", name)
        .put("type", PLUGIN)
        .put("bridge", properties.bridge())
        .put("isGateway", true)
        .put("ipMasq", true)
        .put("hairpinMode", true);
    ObjectNode ipam = config.putObject("ipam")
        .put("type", "host-local")
        .put("dataDir", ipamDir.toString());
    ipam.putArray("ranges").addArray().addObject()
        .put("subnet", properties.subnet())
        .put("gateway", properties.gateway());
    ipam.putArray("routes").addObject().put("dst", "0.0.0.0/0");
    return config;
  }

  private String version() throws IOException {
    String version = cniVersion;
    if (version == null) {
      List<String> supported = plugins.supportedVersions(PLUGIN);
      version = SPOKEN_VERSIONS.stream().filter(supported::contains).findFirst()
          .orElseThrow(() -> new CniException("CNI plugin " + PLUGIN + " supports none of " + SPOKEN_VERSIONS
              + " but only " + supported));
      cniVersion = version;
    }
    return version;
  }
}
