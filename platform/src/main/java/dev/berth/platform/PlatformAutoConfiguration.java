package dev.berth.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds {@link BerthProperties} for every service. */
@AutoConfiguration
@EnableConfigurationProperties(BerthProperties.class)
public class PlatformAutoConfiguration {
}
