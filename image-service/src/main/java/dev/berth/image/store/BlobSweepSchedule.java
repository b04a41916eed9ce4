package dev.berth.image.store;

import dev.berth.image.ImageProperties;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Sweeps every {@code berth.image.blob-sweep.interval}, the first time one interval after start (never when zero). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BlobSweepSchedule implements SchedulingConfigurer {

  private final BlobSweep sweep;
  private final Duration interval;

  BlobSweepSchedule(BlobSweep sweep, ImageProperties properties) {
    this.sweep = sweep;
    this.interval = properties.blobSweep().interval();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (interval.isPositive()) {
      registrar.addFixedDelayTask(new FixedDelayTask(sweep::sweep, interval, interval));
    }
  }
}
