package dev.berth.gateway.error;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.berth.gateway.requestid.RequestIdFilter;
import dev.berth.gateway.route.Protocol;
import dev.berth.gateway.route.RouteConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every error raised in the gateway in the format of the request's {@link Protocol}, before
 * Spring Boot's default handler (whose JSON no Docker or OCI client understands) sees it. Server
 * errors are logged once, here, with the request id.
 */
@Component
@Order(-2)
class ProtocolErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProtocolErrorHandler.class);

  private final JsonMapper json;

  ProtocolErrorHandler(JsonMapper json) {
    this.json = json;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(error);
    }
    Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
    String service = route == null ? null : (String) route.getMetadata().get(RouteConfiguration.SERVICE);
    GatewayError gatewayError = GatewayError.of(error, service);
    String path = exchange.getRequest().getPath().value();
    Object requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
    if (gatewayError.status().value() == 500) {
      log.error("{} {} {} -> 500", requestId, exchange.getRequest().getMethod(), path, error);
    } else if (gatewayError.isServerError()) {
      log.warn("{} {} {} -> {}: {}", requestId, exchange.getRequest().getMethod(), path,
          gatewayError.status().value(), gatewayError.message());
    } else {
      log.info("{} {} {} -> {}: {}", requestId, exchange.getRequest().getMethod(), path,
          gatewayError.status().value(), gatewayError.message());
    }
    Protocol protocol = Protocol.of(path);
    response.setStatusCode(gatewayError.status());
    response.getHeaders().set(HttpHeaders.CONTENT_TYPE, contentType(protocol));
    byte[] body = json.writeValueAsBytes(body(protocol, gatewayError, path));
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  private static String contentType(Protocol protocol) {
    // Docker clients compare the header with "application/json" exactly: no charset
    return protocol == Protocol.NATIVE ? "application/problem+json" : "application/json";
  }

  private static Object body(Protocol protocol, GatewayError error, String path) {
    return switch (protocol) {
      case DOCKER -> Map.of("message", error.message());
      case OCI -> Map.of("errors", List.of(Map.of(
          "code", ociCode(error), "message", error.message(), "detail", Map.of())));
      case NATIVE -> {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        HttpStatus status = HttpStatus.resolve(error.status().value());
        problem.put("title", status == null ? "Error" : status.getReasonPhrase());
        problem.put("status", error.status().value());
        problem.put("detail", error.message());
        problem.put("instance", path);
        yield problem;
      }
    };
  }

  /** The distribution spec's error code closest to a status the gateway answers with. */
  private static String ociCode(GatewayError error) {
    return switch (error.status().value()) {
      case 502, 503, 504 -> "UNAVAILABLE";
      default -> "UNKNOWN";
    };
  }
}
