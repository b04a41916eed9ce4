package dev.berth.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * registry-service settings ({@code berth.registry.*}, or {@code BERTH_REGISTRY_*} variables).
 *
 * @param maxManifestSize the largest manifest accepted; a larger one is refused with 413
 * @param deleteEnabled whether manifests, tags and blobs may be deleted through the API
 * @param gc garbage collection
 */
@ConfigurationProperties("berth.registry")
@Validated
public record RegistryProperties(
    @DefaultValue("4MB") DataSize maxManifestSize,
    @DefaultValue("true") boolean deleteEnabled,
    @DefaultValue Gc gc) {

  /**
   * Garbage collection settings.
   *
   * @param interval time between scheduled runs; zero turns the schedule off
   * @param gracePeriod blobs uploaded, mounted or checked for within this period are never
   *     collected, so a push whose manifest has not arrived yet keeps its blobs
   * @param uploadExpiry upload sessions idle for longer are cancelled and their data removed
   */
  public record Gc(
      @DefaultValue("1h") Duration interval,
      @DefaultValue("1h") Duration gracePeriod,
      @DefaultValue("24h") Duration uploadExpiry) {
  }
}
