package dev.berth.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's configuration ({@code berth.gateway.*}); every value can be overridden by an
 * environment variable such as {@code BERTH_GATEWAY_SERVICES_ENGINE}.
 *
 * @param services where the services behind the gateway listen
 * @param connectTimeout how long opening a connection to a service may take, for proxied requests
 *     and hijacked connections alike, before the client gets a 503
 */
@ConfigurationProperties("berth.gateway")
@Validated
public record GatewayProperties(
    @Valid @NotNull @DefaultValue Services services,
    @NotNull @DefaultValue("5s") Duration connectTimeout) {

  /**
   * Base URLs of the services (scheme, host and port; no path).
   *
   * @param engine engine-service: containers, exec, nodes, events, the Docker system endpoints
   * @param image image-service: images, builds, the Docker image endpoints
   * @param registry registry-service: the OCI distribution API under {@code /v2}
   */
  public record Services(
      @NotNull @DefaultValue("http://127.0.0.1:8081") URI engine,
      @NotNull @DefaultValue("http://127.0.0.1:8082") URI image,
      @NotNull @DefaultValue("http://127.0.0.1:5000") URI registry) {
  }
}
