package dev.berth.engine;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Berth's engine: containers as records and desired state, placed on node agents. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EngineServiceApplication {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    SpringApplication.run(EngineServiceApplication.class, args);
  }
}
