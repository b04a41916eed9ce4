package dev.berth.node.network;

import dev.berth.node.api.PortBinding;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A published UDP port: datagrams from each client address go out through a socket of their own
 * (a session) connected to the container, and replies on that socket go back to that client from
 * the published port. A session ends after the idle timeout without traffic in either direction.
 */
final class UdpProxy implements PortProxy {

  private static final Logger log = LoggerFactory.getLogger(UdpProxy.class);
  private static final int MAX_DATAGRAM = 65_535;

  private final DatagramSocket socket;
  private final PortBinding binding;
  private final Duration idleTimeout;
  private final Map<SocketAddress, Session> sessions = new ConcurrentHashMap<>();

  private UdpProxy(DatagramSocket socket, PortBinding binding, Duration idleTimeout) {
    this.socket = socket;
    this.binding = binding;
    this.idleTimeout = idleTimeout;
  }

  static UdpProxy bind(InetSocketAddress listen, int containerPort, String hostIp, Duration idleTimeout)
      throws IOException {
    DatagramSocket socket = new DatagramSocket(listen);
    return new UdpProxy(socket, new PortBinding(containerPort, "udp", hostIp, socket.getLocalPort()), idleTimeout);
  }

  @Override
  public PortBinding binding() {
    return binding;
  }

  @Override
  public void start(InetSocketAddress target) {
    Thread.ofVirtual().name("udp-proxy-" + binding.hostPort()).start(() -> relay(target));
  }

  private void relay(InetSocketAddress target) {
    DatagramPacket packet = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
    while (!socket.isClosed()) {
      try {
        packet.setLength(MAX_DATAGRAM);
        socket.receive(packet);
        Session session = sessions.get(packet.getSocketAddress());
        if (session == null) {
          session = new Session(packet.getSocketAddress(), target);
          sessions.put(session.client, session);
          Thread.ofVirtual().start(session::relayReplies);
        }
        session.send(packet);
      } catch (IOException e) {
        if (!socket.isClosed()) {
          log.debug("published port {}/udp: datagram not forwarded", binding.hostPort(), e);
        }
      }
    }
  }

  @Override
  public void close() {
    socket.close();
    sessions.values().forEach(session -> session.upstream.close());
  }

  /** One client's traffic: its own socket connected to the container. */
  private final class Session {

    private final SocketAddress client;
    private final DatagramSocket upstream;
    private volatile long lastActive = System.nanoTime();

    Session(SocketAddress client, InetSocketAddress target) throws IOException {
      this.client = client;
      this.upstream = new DatagramSocket();
      upstream.connect(target);
      upstream.setSoTimeout((int) Math.max(1, idleTimeout.toMillis()));
    }

    void send(DatagramPacket packet) throws IOException {
      lastActive = System.nanoTime();
      upstream.send(new DatagramPacket(packet.getData(), packet.getOffset(), packet.getLength()));
    }

    void relayReplies() {
      DatagramPacket reply = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
      try {
        while (true) {
          try {
            reply.setLength(MAX_DATAGRAM);
            upstream.receive(reply);
            lastActive = System.nanoTime();
            socket.send(new DatagramPacket(reply.getData(), reply.getOffset(), reply.getLength(), client));
          } catch (SocketTimeoutException idle) {
            if (System.nanoTime() - lastActive >= idleTimeout.toNanos()) {
              return;
            }
          }
        }
      } catch (IOException e) {
        if (!socket.isClosed()) {
          log.debug("published port {}/udp: session of {} ended", binding.hostPort(), client, e);
        }
      } finally {
        sessions.remove(client, this);
        upstream.close();
      }
    }
  }
}
