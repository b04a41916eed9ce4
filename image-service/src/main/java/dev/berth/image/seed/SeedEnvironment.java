package dev.berth.image.seed;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code --berth.image.seed=true} a command: it turns the web server off (with the lowest
 * precedence, so an explicit {@code spring.main.web-application-type} still wins), so the
 * application ends after {@link SeedRunner} instead of serving.
 */
class SeedEnvironment implements EnvironmentPostProcessor {

  /** The property that asks for seeding. */
  static final String SEED = "berth.image.seed";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getProperty(SEED, Boolean.class, false)) {
      environment.getPropertySources().addLast(new MapPropertySource("berthImageSeed",
          Map.of("spring.main.web-application-type", "none")));
    }
  }
}
