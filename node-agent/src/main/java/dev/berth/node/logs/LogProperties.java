package dev.berth.node.logs;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How container logs are kept bounded ({@code berth.node.logs.*}), in the manner of Docker's json-file
 * {@code max-size} and {@code max-file}.
 *
 * @param maxSize a log file at least this large is rotated at the next check
 * @param maxFiles how many files a container's log keeps, the current one included ({@code ctr.log},
 *     {@code ctr.log.1}, ...); 1 truncates instead of keeping an older file
 * @param checkInterval how often the tracked logs are checked for rotation
 * @param conmonSizeMax when set, passed to conmon as {@code --log-size-max}: a hard ceiling for a writer
 *     faster than the checks. Conmon counts it over all bytes written since its own last truncation
 *     (rotations through the control FIFO do not reset the count) and, when it is reached, replaces the
 *     current file with an empty one, dropping that file's records; so it must stay well above
 *     {@code maxSize}, and it is off by default
 */
@ConfigurationProperties("berth.node.logs")
@Validated
public record LogProperties(@DefaultValue("10MB") @NotNull DataSize maxSize, @DefaultValue("3") @Min(1) int maxFiles,
    @DefaultValue("5s") @NotNull Duration checkInterval, DataSize conmonSizeMax) {
}
