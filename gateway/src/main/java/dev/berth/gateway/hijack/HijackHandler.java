package dev.berth.gateway.hijack;

import dev.berth.gateway.requestid.RequestIds;
import dev.berth.gateway.route.DockerPaths;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.NettyPipeline;

/**
 * Watches the requests of one client connection, right after the HTTP codec. Requests pass on to
 * the gateway's HTTP handling untouched, except a {@code POST} to attach or exec start that asks for
 * {@code Upgrade: tcp}: for that one the codec is removed (bytes it has read past the request, such
 * as a body or early stdin, come out of it raw), the request head is written anew with its
 * {@code X-Request-Id}, and from then on every byte and half-close is relayed by a {@link Splice}
 * to a new connection to engine-service, whose {@code 101} answer reaches the client as sent.
 */
final class HijackHandler extends ChannelInboundHandlerAdapter {

  static final String NAME = "berth.hijack";

  private static final Logger log = LoggerFactory.getLogger(HijackHandler.class);

  private final InetSocketAddress engine;
  private final int connectTimeoutMillis;
  private Splice splice;

  HijackHandler(InetSocketAddress engine, int connectTimeoutMillis) {
    this.engine = engine;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (splice == null) {
      if (msg instanceof HttpRequest request && isHijack(request)) {
        hijack(ctx, request);
      } else {
        ctx.fireChannelRead(msg);
      }
      return;
    }
    if (msg instanceof HttpContent content) {
      splice.fromClient(content.content().retain());
      content.release();
    } else if (msg instanceof ByteBuf bytes) {
      splice.fromClient(bytes);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (splice == null) {
      ctx.fireUserEventTriggered(event);
    } else if (event instanceof ChannelInputShutdownEvent) {
      splice.clientInputShutdown();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (splice == null) {
      ctx.fireChannelWritabilityChanged();
    } else {
      splice.clientWritabilityChanged();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (splice == null) {
      ctx.fireChannelReadComplete();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (splice != null) {
      splice.clientClosed();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (splice == null) {
      ctx.fireExceptionCaught(cause);
    } else {
      log.debug("hijacked connection from {} failed", ctx.channel().remoteAddress(), cause);
      splice.clientClosed();
      ctx.close();
    }
  }

  private static boolean isHijack(HttpRequest request) {
    String upgrade = request.headers().get(HttpHeaderNames.UPGRADE);
    return HttpMethod.POST.equals(request.method())
        && upgrade != null && upgrade.trim().equalsIgnoreCase("tcp")
        && DockerPaths.HIJACK.matcher(request.uri()).matches();
  }

  private void hijack(ChannelHandlerContext ctx, HttpRequest request) {
    String requestId = RequestIds.keepOrCreate(request.headers().get(RequestIds.HEADER));
    log.info("{} {} {} -> hijacked, spliced to engine-service at {}:{}", requestId, request.method(),
        request.uri(), engine.getHostString(), engine.getPort());
    // the client shuts down its side after stdin's EOF and still reads the output: keep the channel open then
    ctx.channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
    splice = new Splice(ctx, requestId);
    splice.fromClient(ByteBufUtil.writeUtf8(ctx.alloc(), head(request, requestId)));
    if (request instanceof HttpContent content) {
      splice.fromClient(content.content().retain());
      content.release();
    }
    splice.connect(engine, connectTimeoutMillis);
    ctx.pipeline().remove(NettyPipeline.HttpCodec);
  }

  /** The request line and headers as received, with the request id set. */
  private static String head(HttpRequest request, String requestId) {
    StringBuilder head = new StringBuilder()
        .append(request.method().name()).append(' ').append(request.uri()).append(" HTTP/1.1\r\n");
    for (Map.Entry<String, String> header : request.headers()) {
      if (!header.getKey().equalsIgnoreCase(RequestIds.HEADER)) {
        head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
      }
    }
    return head.append(RequestIds.HEADER).append(": ").append(requestId).append("\r\n\r\n").toString();
  }
}
