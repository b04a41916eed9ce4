package dev.berth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OpenApiAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(OpenApiAutoConfiguration.class))
      .withPropertyValues("spring.application.name=engine-service");

  @Test
  void pointsTryItOutAtTheAddressTheDocumentWasReadFromSoTheGatewayServesIt() {
    runner.run(context -> {
      OpenAPI openApi = context.getBean(OpenAPI.class);
      assertThat(openApi.getInfo().getTitle()).isEqualTo("Berth engine-service");
      assertThat(openApi.getServers()).extracting(Server::getUrl).containsExactly("/");
    });
  }
}
