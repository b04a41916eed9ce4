package dev.berth.gateway.route;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import dev.berth.gateway.GatewayProperties;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.PredicateSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ServerWebExchange;

/**
 * The route table. Paths are passed on unchanged (the Docker version prefix included: the services
 * strip it themselves and answer by the version asked for), bodies are streamed both ways, and the
 * routes that may stream for as long as a container lives carry no response timeout. Besides the
 * resources of the design, image-service's {@code /api/v1/blobs} and registry-service's
 * {@code /api/v1/gc} are routed too, so every operation the aggregated Swagger UI lists can be
 * tried through the gateway.
 */
@Configuration(proxyBeanMethods = false)
public class RouteConfiguration {

  /** Route metadata naming the service behind a route, for the errors the gateway answers itself. */
  public static final String SERVICE = "berth.service";

  @Bean
  RouteLocator berthRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
    GatewayProperties.Services services = properties.services();
    return builder.routes()
        .route("engine-api", r -> streaming(r.path("/api/v1/containers/**", "/api/v1/nodes/**", "/api/v1/events/**"),
            "engine-service", services.engine()))
        .route("image-api", r -> streaming(r.path("/api/v1/images/**", "/api/v1/builds/**", "/api/v1/blobs/**"),
            "image-service", services.image()))
        .route("registry-api", r -> r.path("/api/v1/gc/**")
            .metadata(Map.of(SERVICE, "registry-service")).uri(services.registry()))
        .route("docker-engine", r -> streaming(r.predicate(exchange -> matches(DockerPaths.ENGINE, exchange)),
            "engine-service", services.engine()))
        .route("docker-image", r -> streaming(r.predicate(exchange -> matches(DockerPaths.IMAGE, exchange)),
            "image-service", services.image()))
        .route("registry", r -> r.path("/v2/**")
            .metadata(Map.of(SERVICE, "registry-service", RESPONSE_TIMEOUT_ATTR, -1)).uri(services.registry()))
        .route("api-docs-engine-service", r -> apiDocs(r, "engine-service", services.engine()))
        .route("api-docs-image-service", r -> apiDocs(r, "image-service", services.image()))
        .route("api-docs-registry-service", r -> apiDocs(r, "registry-service", services.registry()))
        .build();
  }

  /** The connect timeout of {@code berth.gateway.connect-timeout} on the client of proxied requests. */
  @Bean
  HttpClientCustomizer berthConnectTimeout(GatewayProperties properties) {
    return client -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis());
  }

  private static Buildable<Route> streaming(
      BooleanSpec spec, String service, URI uri) {
    return spec.filters(f -> f.filter(new FlushingResponseFilter()))
        .metadata(Map.of(SERVICE, service, RESPONSE_TIMEOUT_ATTR, -1))
        .uri(uri);
  }

  private static Buildable<Route> apiDocs(PredicateSpec r, String service, URI uri) {
    return r.path("/v3/api-docs/" + service)
        .filters(f -> f.setPath("/v3/api-docs"))
        .metadata(Map.of(SERVICE, service))
        .uri(uri);
  }

  private static boolean matches(Pattern paths, ServerWebExchange exchange) {
    return paths.matcher(exchange.getRequest().getPath().value()).matches();
  }
}
