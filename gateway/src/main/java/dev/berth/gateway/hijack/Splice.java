package dev.berth.gateway.hijack;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundInvoker;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Relays the bytes of one hijacked client connection and its connection to engine-service, both
 * ways, on the client's event loop. What the client sends before the upstream connection is open
 * waits in a queue (the client is not read meanwhile); a side that cannot keep up stops reads on
 * the other. A half-close is passed on once what came before it is written: the client's
 * end of stdin shuts down the upstream's output, the end of the output shuts down the client's;
 * both connections close when both directions are done or either side closes or fails.
 */
final class Splice {

  private static final Logger log = LoggerFactory.getLogger(Splice.class);

  private final ChannelHandlerContext client;
  private final String requestId;
  private final Queue<ByteBuf> pending = new ArrayDeque<>();
  private Channel upstream;
  private boolean clientDone;
  private boolean upstreamDone;
  private boolean closed;

  Splice(ChannelHandlerContext client, String requestId) {
    this.client = client;
    this.requestId = requestId;
  }

  /** Resolves {@code engine} off the event loop, then connects to it on the client's event loop. */
  void connect(InetSocketAddress engine, int connectTimeoutMillis) {
    client.channel().config().setAutoRead(false);
    Mono.fromCallable(() -> new InetSocketAddress(InetAddress.getByName(engine.getHostString()), engine.getPort()))
        .subscribeOn(Schedulers.boundedElastic())
        .subscribe(address -> client.executor().execute(() -> open(address, connectTimeoutMillis)),
            error -> client.executor().execute(() -> failed(error)));
  }

  private void open(InetSocketAddress address, int connectTimeoutMillis) {
    if (closed) {
      return;
    }
    new Bootstrap()
        .group(client.channel().eventLoop())
        .channel(client.channel().getClass().asSubclass(Channel.class))
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
        .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .option(ChannelOption.AUTO_READ, true)
        .handler(new Upstream())
        .connect(address)
        .addListener((ChannelFutureListener) future -> {
          if (future.isSuccess()) {
            connected(future.channel());
          } else {
            failed(future.cause());
          }
        });
  }

  private void connected(Channel channel) {
    upstream = channel;
    if (closed) {
      channel.close();
      return;
    }
    while (!pending.isEmpty()) {
      upstream.write(pending.poll());
    }
    upstream.flush();
    if (clientDone) {
      shutdownOutput(upstream, upstream);
    }
    client.channel().config().setAutoRead(upstream.isWritable());
  }

  /** Answers the client as dockerd would when the hijacked request cannot reach engine-service. */
  private void failed(Throwable error) {
    log.warn("{} cannot reach engine-service for a hijacked connection: {}", requestId, error.toString());
    releasePending();
    if (closed) {
      return;
    }
    closed = true;
    byte[] body = ("{\"message\":\"engine-service is unavailable: " + error.getMessage()
        .replace("\\", "\\\\").replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length + "\r\nConnection: close\r\n\r\n";
    client.writeAndFlush(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body))
        .addListener(ChannelFutureListener.CLOSE);
  }

  void fromClient(ByteBuf bytes) {
    if (closed) {
      bytes.release();
    } else if (upstream == null) {
      pending.add(bytes);
    } else {
      upstream.writeAndFlush(bytes);
      if (!upstream.isWritable()) {
        client.channel().config().setAutoRead(false);
      }
    }
  }

  void clientInputShutdown() {
    clientDone = true;
    if (upstream != null) {
      shutdownOutput(upstream, upstream);
    }
    closeWhenDone();
  }

  void clientWritabilityChanged() {
    if (upstream != null) {
      upstream.config().setAutoRead(client.channel().isWritable());
    }
  }

  void clientClosed() {
    closeBoth();
  }

  /** Shuts down {@code channel}'s output once everything written through {@code writer} before is out. */
  private static void shutdownOutput(ChannelOutboundInvoker writer, Channel channel) {
    writer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> {
      if (channel.isActive()) {
        ((DuplexChannel) channel).shutdownOutput();
      }
    });
  }

  private void closeWhenDone() {
    if (clientDone && upstreamDone) {
      closeBoth();
    }
  }

  private void closeBoth() {
    if (closed) {
      return;
    }
    closed = true;
    releasePending();
    client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    if (upstream != null) {
      upstream.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
    log.debug("{} hijacked connection closed", requestId);
  }

  private void releasePending() {
    while (!pending.isEmpty()) {
      pending.poll().release();
    }
  }

  /** The engine-service side: its bytes go to the client through the hijack handler's context. */
  private final class Upstream extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (closed || !(msg instanceof ByteBuf bytes)) {
        ReferenceCountUtil.release(msg);
        return;
      }
      client.writeAndFlush(bytes);
      if (!client.channel().isWritable()) {
        ctx.channel().config().setAutoRead(false);
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof ChannelInputShutdownEvent) {
        upstreamDone = true;
        shutdownOutput(client, client.channel());
        closeWhenDone();
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (!clientDone) {
        client.channel().config().setAutoRead(ctx.channel().isWritable());
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      closeBoth();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug("{} engine-service side of a hijacked connection failed", requestId, cause);
      closeBoth();
    }
  }
}
