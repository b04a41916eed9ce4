package dev.berth.node;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Berth's node agent: runs the containers of one host. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NodeAgentApplication {

  public static void main(String[] args) {
    SpringApplication.run(NodeAgentApplication.class, args);
  }
}
