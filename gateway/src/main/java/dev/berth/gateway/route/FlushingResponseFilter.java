package dev.berth.gateway.route;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Passes a chunked upstream response on as it comes: the status and headers are flushed as soon as
 * the service sends them, before any body (Docker's {@code /containers/{id}/wait} sends its body only
 * when the container exits, and {@code docker run} starts the container only after the headers),
 * and each chunk is flushed as it arrives (pull progress, {@code logs -f}, {@code events}, stats).
 * Responses with a length are written as Spring Cloud Gateway writes them. Runs before
 * {@link NettyWriteResponseFilter}, which writes through the response decorated here.
 */
final class FlushingResponseFilter implements GatewayFilter, Ordered {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return chain.filter(exchange.mutate().response(new Flushing(exchange)).build());
  }

  @Override
  public int getOrder() {
    return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
  }

  private static final class Flushing extends ServerHttpResponseDecorator {

    private final ServerWebExchange exchange;

    Flushing(ServerWebExchange exchange) {
      super(exchange.getResponse());
      this.exchange = exchange;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
      HttpClientResponse upstream = exchange.getAttribute(CLIENT_RESPONSE_ATTR);
      if (upstream == null || !upstream.responseHeaders().contains("Transfer-Encoding")) {
        return super.writeWith(body);
      }
      ServerHttpResponse response = getDelegate();
      // an empty first chunk commits and flushes the headers before the service sends any body
      Flux<Flux<DataBuffer>> chunks = Flux.<DataBuffer>from(body).map(Flux::just);
      return response.writeAndFlushWith(chunks.startWith(Flux.just(response.bufferFactory().allocateBuffer(0))));
    }
  }
}
