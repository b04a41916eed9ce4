package dev.berth.node;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Berth's node agent: runs the containers of one host. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NodeAgentApplication {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    SpringApplication.run(NodeAgentApplication.class, args);
  }
}
