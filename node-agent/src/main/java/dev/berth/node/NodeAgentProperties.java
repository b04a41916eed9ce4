package dev.berth.node;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agent's own settings ({@code berth.node.*}); the packages that need more own their properties.
 *
 * @param name this node's name; the host name when empty
 * @param imageService base URL of image-service, where layers and configs are fetched by digest
 * @param engine base URL of engine-service: the agent registers there at startup and reports to it;
 *     none when empty
 * @param advertiseAddress this agent's API base URL as engine-service reaches it; {@code http://127.0.0.1:<port>}
 *     when empty
 * @param reportUrl where state changes are POSTed; the engine's node report endpoint when empty
 * @param requestTimeout timeout of calls to other services
 */
@ConfigurationProperties("berth.node")
public record NodeAgentProperties(String name, @DefaultValue("http://127.0.0.1:8082") URI imageService, URI engine,
    URI advertiseAddress, URI reportUrl, @DefaultValue("30s") Duration requestTimeout) {
}
