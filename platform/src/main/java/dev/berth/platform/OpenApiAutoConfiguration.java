package dev.berth.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * OpenAPI metadata for a service's own management API ({@code /api/**}). The server is the relative
 * {@code /}, so that Swagger UI's "Try it out" calls whichever address the document was read from:
 * the service itself, or the gateway whose aggregated Swagger UI lists it.
 */
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
        .license(new License().name("Apache-2.0")))
        .servers(List.of(new Server().url("/").description("the address this document was read from")));
  }
}
