package dev.berth.image.store;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * {@link ImageUsage} while image-service runs without engine-service: there are no containers, so
 * none uses an image. An engine-backed implementation replaces it.
 */
@Component
@ConditionalOnMissingBean(value = ImageUsage.class, ignored = StandaloneImageUsage.class)
class StandaloneImageUsage implements ImageUsage {

  @Override
  public List<String> containersUsing(String imageId) {
    return List.of();
  }
}
