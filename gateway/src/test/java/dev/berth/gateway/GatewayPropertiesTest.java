package dev.berth.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class GatewayPropertiesTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Bound.class);

  @Test
  void defaultsToTheServicesOnLoopbackAtTheirOwnPorts() {
    runner.run(context -> {
      GatewayProperties properties = context.getBean(GatewayProperties.class);
      assertThat(properties.services().engine()).isEqualTo(URI.create("http://127.0.0.1:8081"));
      assertThat(properties.services().image()).isEqualTo(URI.create("http://127.0.0.1:8082"));
      assertThat(properties.services().registry()).isEqualTo(URI.create("http://127.0.0.1:5000"));
      assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    });
  }

  @Test
  void takesServiceAddressesFromEnvironmentVariables() {
    runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
            new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("BERTH_GATEWAY_SERVICES_ENGINE", "http://engine-service:8081",
                    "BERTH_GATEWAY_CONNECT_TIMEOUT", "2s"))))
        .run(context -> {
          GatewayProperties properties = context.getBean(GatewayProperties.class);
          assertThat(properties.services().engine()).isEqualTo(URI.create("http://engine-service:8081"));
          assertThat(properties.services().image()).isEqualTo(URI.create("http://127.0.0.1:8082"));
          assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(GatewayProperties.class)
  static class Bound {
  }
}
