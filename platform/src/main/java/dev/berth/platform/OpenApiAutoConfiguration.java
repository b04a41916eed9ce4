package dev.berth.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** OpenAPI metadata for a service's own management API ({@code /api/**}). */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  OpenAPI berthOpenApi(Environment environment) {
    String name = environment.getProperty("spring.application.name", "berth");
    return new OpenAPI().info(new Info()
        .title("Berth " + name)
        .description("Management API of Berth's " + name + ". Errors are RFC 9457 problem+json.")
        .version("v1")
        .license(new License().name("Apache-2.0")));
  }
}
