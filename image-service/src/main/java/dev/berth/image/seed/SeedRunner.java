package dev.berth.image.seed;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the images at startup when {@code berth.image.seed=true}; {@link SeedEnvironment} then
 * runs the service without its web server, so the command ends once the seeds are pushed (with a
 * non-zero exit status when seeding failed).
 */
@Component
@ConditionalOnBooleanProperty(SeedEnvironment.SEED)
class SeedRunner implements ApplicationRunner {

  private final SeedService seeds;

  SeedRunner(SeedService seeds) {
    this.seeds = seeds;
  }

  @Override
  public void run(ApplicationArguments args) {
    seeds.seed();
  }
}
