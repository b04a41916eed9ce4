package dev.berth.image.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * What a load stored.
 *
 * @param images the images loaded, in archive order
 * @param messages what {@code docker load} prints: {@code Loaded image: name:tag} for each tag,
 *     {@code Loaded image ID: sha256:…} for an image without tags
 */
public record LoadResult(List<LoadedImage> images, List<String> messages) {

  /**
   * One image loaded.
   *
   * @param id its image ID
   * @param repoTags its tags from the archive, in familiar form
   */
  public record LoadedImage(String id, List<String> repoTags) {
  }

  static LoadResult of(List<LoadedImage> images) {
    List<String> messages = new ArrayList<>();
    for (LoadedImage image : images) {
      if (image.repoTags().isEmpty()) {
        messages.add("Loaded image ID: " + image.id());
      }
      image.repoTags().forEach(tag -> messages.add("Loaded image: " + tag));
    }
    return new LoadResult(List.copyOf(images), List.copyOf(messages));
  }
}
