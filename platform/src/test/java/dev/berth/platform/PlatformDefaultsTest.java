package dev.berth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsTest {

  private final StandardEnvironment environment = new StandardEnvironment();

  @Test
  void defaultsDataDirToTheApplicationsFolderUnderBerthHome() {
    environment.getPropertySources().addFirst(new MapPropertySource("app",
        Map.of("spring.application.name", "registry-service")));

    new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("berth.data-dir"))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".berth", "registry-service").toString());
    assertThat(environment.getProperty("spring.threads.virtual.enabled")).isEqualTo("true");
    assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("registry-service");
  }

  @Test
  void yieldsToAnyConfiguredValue() {
    environment.getPropertySources().addFirst(new MapPropertySource("app",
        Map.of("berth.data-dir", "/srv/berth", "spring.mvc.problemdetails.enabled", "false")));

    new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("berth.data-dir")).isEqualTo("/srv/berth");
    assertThat(environment.getProperty("spring.mvc.problemdetails.enabled")).isEqualTo("false");
  }
}
