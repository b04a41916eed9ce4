package dev.berth.node.snapshot;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Snapshot and layer settings ({@code berth.node.snapshots.*}).
 *
 * @param gcInterval how often unused committed snapshots are swept
 * @param gcGracePeriod how long a committed snapshot nothing uses is kept after its last use
 * @param maxEntrySize the largest file a layer entry may hold; larger entries fail the layer
 * @param maxMetadataSize the largest manifest or image config read from image-service
 */
@ConfigurationProperties("berth.node.snapshots")
@Validated
public record SnapshotProperties(
    @NotNull @DefaultValue("10m") Duration gcInterval,
    @NotNull @DefaultValue("10m") Duration gcGracePeriod,
    @NotNull @DefaultValue("16GB") DataSize maxEntrySize,
    @NotNull @DefaultValue("4MB") DataSize maxMetadataSize) {
}
