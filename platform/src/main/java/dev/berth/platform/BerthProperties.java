package dev.berth.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every Berth service shares.
 *
 * @param dataDir where the service keeps its files (and its embedded PostgreSQL when no database
 *     is configured); defaults to {@code ~/.berth/<spring.application.name>}
 */
@ConfigurationProperties("berth")
public record BerthProperties(Path dataDir) {
}
