package dev.berth.engine;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * engine-service's settings ({@code berth.engine.*}).
 *
 * @param imageService base URL of image-service, where image references are resolved
 * @param nodes node agents known from configuration, by name: their API base URLs (agents may also register)
 * @param heartbeatInterval how often every node agent is asked for its state
 * @param downAfter how many failed heartbeats in a row mark a node down
 * @param requestTimeout timeout of calls to image-service and node agents that do not wait for a container
 * @param eventRetention how long events are kept
 */
@ConfigurationProperties("berth.engine")
public record EngineProperties(@DefaultValue("http://127.0.0.1:8082") URI imageService, Map<String, URI> nodes,
    @DefaultValue("5s") Duration heartbeatInterval, @DefaultValue("3") int downAfter,
    @DefaultValue("5m") Duration requestTimeout, @DefaultValue("7d") Duration eventRetention) {

  public EngineProperties {
    nodes = nodes == null ? Map.of() : Map.copyOf(nodes);
  }
}
