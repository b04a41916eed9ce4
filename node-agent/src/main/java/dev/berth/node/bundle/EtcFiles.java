package dev.berth.node.bundle;

import dev.berth.node.api.ContainerStatus.NetworkInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of a container's {@code /etc/hosts}, {@code /etc/resolv.conf} and
 * {@code /etc/hostname} as Docker writes them.
 */
public final class EtcFiles {

  /** The name servers Docker falls back to when the host has only loopback ones. */
  static final List<String> FALLBACK_NAMESERVERS = List.of("8.8.8.8", "8.8.4.4");

  private static final String LOCALHOST = """
      127.0.0.1\tlocalhost
      ::1\tlocalhost ip6-localhost ip6-loopback
      fe00::0\tip6-localnet
      ff00::0\tip6-mcastprefix
      ff02::1\tip6-allnodes
      ff02::2\tip6-allrouters
      """;

  private EtcFiles() {
  }

  /**
   * {@code /etc/hosts}: the host's file in host network mode, else the localhost lines and the
   * container's address with its names; then the {@code extraHosts} ({@code name:address} or
   * {@code name=address}).
   */
  public static String hosts(String hostname, String domainname, NetworkInfo network, List<String> extraHosts,
      String hostFile) {
    StringBuilder hosts = new StringBuilder(hostFile != null ? hostFile : LOCALHOST);
    if (!hosts.isEmpty() && hosts.charAt(hosts.length() - 1) != '\n') {
      hosts.append('\n');
    }
    if (hostFile == null && network != null && network.ipAddress() != null && !network.ipAddress().isEmpty()) {
      String names = domainname == null || domainname.isEmpty()
          ? hostname
          : hostname + "." + domainname + " " + hostname;
      hosts.append(network.ipAddress()).append('\t').append(names).append('\n');
    }
    for (String extra : extraHosts == null ? List.<String>of() : extraHosts) {
      int separator = extra.indexOf('=') >= 0 ? extra.indexOf('=') : extra.indexOf(':');
      if (separator <= 0) {
        throw new IllegalArgumentException("extra host " + extra + ": expected name:address");
      }
      hosts.append(extra.substring(separator + 1)).append('\t').append(extra, 0, separator).append('\n');
    }
    return hosts.toString();
  }

  /**
   * {@code /etc/resolv.conf}: the host's file as is in host network mode without overrides; else
   * the host's lines with each of name servers, search domains and options replaced when given, and
   * loopback name servers (which do not answer inside a network namespace) removed; Docker's
   * fallback name servers when none remain.
   */
  public static String resolvConf(String hostFile, List<String> dns, List<String> search, List<String> options,
      boolean hostNetwork) {
    boolean overridden = notEmpty(dns) || notEmpty(search) || notEmpty(options);
    if (hostNetwork && !overridden) {
      return hostFile;
    }
    List<String> nameservers = new ArrayList<>();
    List<String> searches = new ArrayList<>();
    List<String> opts = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (String line : hostFile.split("\n")) {
      String[] fields = line.strip().split("\\s+");
      switch (fields[0]) {
        case "nameserver" -> {
          if (fields.length > 1 && (hostNetwork || !isLoopback(fields[1]))) {
            nameservers.add(fields[1]);
          }
        }
        case "search", "domain" -> searches = new ArrayList<>(List.of(fields).subList(1, fields.length));
        case "options" -> opts.addAll(List.of(fields).subList(1, fields.length));
        default -> {
          if (!line.isBlank() && !line.strip().startsWith("#") && !line.strip().startsWith(";")) {
            other.add(line.strip());
          }
        }
      }
    }
    if (notEmpty(dns)) {
      nameservers = dns;
    } else if (nameservers.isEmpty()) {
      nameservers = FALLBACK_NAMESERVERS;
    }
    if (notEmpty(search)) {
      searches = search;
    }
    if (notEmpty(options)) {
      opts = options;
    }
    StringBuilder conf = new StringBuilder();
    nameservers.forEach(ns -> conf.append("nameserver ").append(ns).append('\n'));
    if (!searches.isEmpty()) {
      conf.append("search ").append(String.join(" ", searches)).append('\n');
    }
    if (!opts.isEmpty()) {
      conf.append("options ").append(String.join(" ", opts)).append('\n');
    }
    other.forEach(line -> conf.append(line).append('\n'));
    return conf.toString();
  }

  /** {@code /etc/hostname}. */
  public static String hostname(String hostname) {
    return hostname + "\n";
  }

  private static boolean isLoopback(String address) {
    return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
  }

  private static boolean notEmpty(List<String> list) {
    return list != null && !list.isEmpty();
  }
}
