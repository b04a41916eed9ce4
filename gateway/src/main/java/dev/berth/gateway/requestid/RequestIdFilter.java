package dev.berth.gateway.requestid;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Gives every request handled over HTTP its id ({@link RequestIds}): set on the request passed to the
 * service, on the response (whatever the service answers) and in {@link #ATTRIBUTE}; logs one line
 * per request when it ends, with method, path, status and duration (requests that fail in the
 * gateway are logged by its error handler instead, which knows the status they get).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

  /** Exchange attribute holding the request id. */
  public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

  private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long start = System.nanoTime();
    ServerHttpRequest request = exchange.getRequest();
    String id = RequestIds.keepOrCreate(request.getHeaders().getFirst(RequestIds.HEADER));
    exchange.getAttributes().put(ATTRIBUTE, id);
    ServerHttpResponse response = exchange.getResponse();
    response.beforeCommit(() -> {
      response.getHeaders().set(RequestIds.HEADER, id);
      return Mono.empty();
    });
    ServerWebExchange withId = exchange.mutate()
        .request(request.mutate().headers(headers -> headers.set(RequestIds.HEADER, id)).build())
        .build();
    return chain.filter(withId).doFinally(signal -> {
      if (signal != SignalType.ON_ERROR) {
        log.info("{} {} {} -> {} in {} ms{}", id, request.getMethod(), request.getPath().value(),
            response.getStatusCode(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
            signal == SignalType.CANCEL ? " (client went away)" : "");
      }
    });
  }
}
