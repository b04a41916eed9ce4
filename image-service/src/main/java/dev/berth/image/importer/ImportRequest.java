package dev.berth.image.importer;

import java.time.Instant;
import java.util.List;

/**
 * What {@code docker import} asks for besides the root filesystem.
 *
 * @param reference the name to tag the image with ({@code repository[:tag]}), or null for an
 *     untagged image
 * @param changes Dockerfile instructions setting the config ({@code CMD}, {@code ENV}, ...; see
 *     {@link ConfigChanges}), or null
 * @param message the comment of the image's history entry, or null for {@code Imported from -}
 * @param platform {@code os/architecture[/variant]} of the image, or null for the configured default
 * @param created when the image counts as created
 */
public record ImportRequest(String reference, List<String> changes, String message, String platform,
    Instant created) {

  public ImportRequest {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }
}
