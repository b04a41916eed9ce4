package dev.berth.node.network;

import dev.berth.node.api.PortBinding;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;

/**
 * The userland proxy of one published port: it listens on the host, bound as soon as it is created,
 * and forwards to the container's address once started. Closing it releases the host port and ends
 * every forwarded connection or session.
 */
sealed interface PortProxy extends AutoCloseable permits TcpProxy, UdpProxy {

  /** The binding as published, with the host port actually bound. */
  PortBinding binding();

  /** Starts forwarding what arrives to {@code target} (the container's address and port). */
  void start(InetSocketAddress target);

  @Override
  void close();

  /**
   * Binds the host side of {@code binding}: {@code hostIp} empty or {@code 0.0.0.0} is the wildcard
   * (every address of the host, IPv4 and IPv6), {@code hostPort} 0 a free port.
   */
  static PortProxy bind(PortBinding binding, Duration udpIdleTimeout) throws IOException {
    String protocol = binding.protocol() == null || binding.protocol().isEmpty()
        ? "tcp" : binding.protocol().toLowerCase(Locale.ROOT);
    String hostIp = binding.hostIp() == null || binding.hostIp().isEmpty() ? "0.0.0.0" : binding.hostIp();
    InetSocketAddress listen = hostIp.equals("0.0.0.0")
        ? new InetSocketAddress(binding.hostPort())
        : new InetSocketAddress(InetAddress.getByName(hostIp), binding.hostPort());
    try {
      return switch (protocol) {
        case "tcp" -> TcpProxy.bind(listen, binding.containerPort(), hostIp);
        case "udp" -> UdpProxy.bind(listen, binding.containerPort(), hostIp, udpIdleTimeout);
        default -> throw new IllegalArgumentException("unsupported protocol '" + binding.protocol()
            + "' for published port " + binding.containerPort() + ": tcp or udp");
      };
    } catch (BindException e) {
      throw new PortUnavailableException("cannot publish " + hostIp + ":" + binding.hostPort() + "/" + protocol
          + " for container port " + binding.containerPort() + ": " + e.getMessage(), e);
    }
  }
}
