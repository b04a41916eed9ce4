package dev.berth.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Binds {@link BerthProperties} for every service; answers unreadable request bodies clearly; logs
 * each request under its {@link RequestIdFilter request id}.
 */
@AutoConfiguration
@EnableConfigurationProperties(BerthProperties.class)
public class PlatformAutoConfiguration {

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  UnreadableBodyHandler unreadableBodyHandler() {
    return new UnreadableBodyHandler();
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  RequestIdFilter requestIdFilter() {
    return new RequestIdFilter();
  }
}
