package dev.berth.node.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class LogPropertiesTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Config.class);

  @Test
  void defaultsLikeDockersJsonFileWithoutAConmonCeiling() {
    context.run(started -> assertThat(started.getBean(LogProperties.class))
        .isEqualTo(new LogProperties(DataSize.ofMegabytes(10), 3, Duration.ofSeconds(5), null)));
  }

  @Test
  void bindsSizesCountsAndDurations() {
    context.withPropertyValues("berth.node.logs.max-size=1MB", "berth.node.logs.max-files=5",
            "berth.node.logs.check-interval=1s", "berth.node.logs.conmon-size-max=1GB")
        .run(started -> assertThat(started.getBean(LogProperties.class))
            .isEqualTo(new LogProperties(DataSize.ofMegabytes(1), 5, Duration.ofSeconds(1), DataSize.ofGigabytes(1))));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(LogProperties.class)
  static class Config {
  }
}
