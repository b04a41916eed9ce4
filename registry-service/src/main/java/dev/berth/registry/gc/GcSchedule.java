package dev.berth.registry.gc;

import dev.berth.registry.RegistryProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs garbage collection every {@code berth.registry.gc.interval} (never when zero). */
@Configuration(proxyBeanMethods = false)
class GcSchedule implements SchedulingConfigurer {

  private final GarbageCollector collector;
  private final RegistryProperties properties;

  GcSchedule(GarbageCollector collector, RegistryProperties properties) {
    this.collector = collector;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    var interval = properties.gc().interval();
    if (interval.isZero() || interval.isNegative()) {
      return;
    }
    registrar.addFixedDelayTask(() -> {
      try {
        collector.run("schedule");
      } catch (GarbageCollector.AlreadyRunning e) {
        // a run started through the API is covering this one
      }
    }, interval);
  }
}
