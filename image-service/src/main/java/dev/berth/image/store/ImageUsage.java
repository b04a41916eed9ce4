package dev.berth.image.store;

/**
 * Tells whether containers use an image, so that removing it can be refused. engine-service owns
 * containers; until it answers this, no container can use an image.
 */
public interface ImageUsage {

  /** The ids of containers using image {@code imageId}; empty when none does. */
  java.util.List<String> containersUsing(String imageId);
}
