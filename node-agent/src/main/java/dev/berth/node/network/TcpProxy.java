package dev.berth.node.network;

import dev.berth.node.api.PortBinding;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A published TCP port: accepts on the host and splices each connection with a new connection to
 * the container, one virtual thread per direction copying through a 64 KiB direct buffer. End of
 * stream in one direction is passed on as a half-close ({@code shutdownOutput}); the pair closes
 * when both directions ended or either failed.
 */
final class TcpProxy implements PortProxy {

  private static final Logger log = LoggerFactory.getLogger(TcpProxy.class);
  private static final int BUFFER_SIZE = 64 * 1024;
  private static final Duration ACCEPT_BACKOFF = Duration.ofMillis(50);

  private final ServerSocketChannel server;
  private final PortBinding binding;
  private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

  private TcpProxy(ServerSocketChannel server, PortBinding binding) {
    this.server = server;
    this.binding = binding;
  }

  static TcpProxy bind(InetSocketAddress listen, int containerPort, String hostIp) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    try {
      server.bind(listen, 512);
      int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
      return new TcpProxy(server, new PortBinding(containerPort, "tcp", hostIp, port));
    } catch (IOException e) {
      server.close();
      throw e;
    }
  }

  @Override
  public PortBinding binding() {
    return binding;
  }

  @Override
  public void start(InetSocketAddress target) {
    Thread.ofVirtual().name("tcp-proxy-" + binding.hostPort()).start(() -> accept(target));
  }

  private void accept(InetSocketAddress target) {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        Thread.ofVirtual().start(() -> splice(client, target));
      } catch (ClosedChannelException closed) {
        return;
      } catch (IOException e) {
        log.warn("published port {}/tcp: accept failed", binding.hostPort(), e);
        LockSupport.parkNanos(ACCEPT_BACKOFF.toNanos()); // e.g. out of file descriptors: do not spin
      }
    }
  }

  private void splice(SocketChannel client, InetSocketAddress target) {
    try (client; SocketChannel container = SocketChannel.open()) {
      open.add(client);
      open.add(container);
      try {
        if (!server.isOpen()) {
          return;
        }
        container.connect(target);
        AtomicInteger running = new AtomicInteger(2);
        Thread upstream = Thread.ofVirtual().start(() -> copy(client, container, running));
        copy(container, client, running);
        upstream.join();
      } finally {
        open.remove(client);
        open.remove(container);
      }
    } catch (IOException e) {
      log.debug("published port {}/tcp: connection to {} ended", binding.hostPort(), target, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Copies until end of stream, then half-closes {@code to}; on failure closes both so the other direction ends too. */
  private void copy(SocketChannel from, SocketChannel to, AtomicInteger running) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          to.write(buffer);
        }
        buffer.clear();
      }
      if (running.decrementAndGet() > 0) {
        to.shutdownOutput();
        return;
      }
    } catch (IOException e) {
      log.debug("published port {}/tcp: copy ended", binding.hostPort(), e);
    }
    closeQuietly(from);
    closeQuietly(to);
  }

  @Override
  public void close() {
    closeQuietly(server);
    open.forEach(TcpProxy::closeQuietly);
  }

  private static void closeQuietly(Channel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      log.debug("closing {}", channel, e);
    }
  }
}
