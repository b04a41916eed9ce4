package dev.berth.image.pull;

import java.io.IOException;

/** A registry sent more bytes for a blob than its descriptor announced. */
final class LayerTooLargeException extends IOException {

  LayerTooLargeException(long limit) {
    super("the registry sent more than the " + limit + " bytes the manifest announced");
  }
}
