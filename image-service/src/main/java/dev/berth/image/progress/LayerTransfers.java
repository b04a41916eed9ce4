package dev.berth.image.progress;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The progress of an image whose layers move concurrently: passes each step on, one at a time,
 * and after every step that moves a layer's bytes also the whole image's bytes done and in all
 * ({@link Progress.Status#IMAGE_TRANSFER}); layers found already present count as moved.
 */
public final class LayerTransfers implements Consumer<Progress> {

  private final Consumer<Progress> downstream;
  private final Map<String, Long> sizes;
  private final Map<String, Long> done = new HashMap<>();
  private final long total;

  /** @param sizes the size of each layer by the id its steps carry */
  public LayerTransfers(Consumer<Progress> downstream, Map<String, Long> sizes) {
    this.downstream = downstream;
    this.sizes = Map.copyOf(sizes);
    this.total = sizes.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public synchronized void accept(Progress event) {
    downstream.accept(event);
    switch (event.status()) {
      case DOWNLOADING, PUSHING -> done.put(event.id(), event.current());
      case ALREADY_EXISTS, PULL_COMPLETE, LAYER_ALREADY_EXISTS, MOUNTED_FROM, PUSHED ->
          done.put(event.id(), sizes.getOrDefault(event.id(), 0L));
      default -> {
        return;
      }
    }
    long moved = done.values().stream().mapToLong(Long::longValue).sum();
    downstream.accept(new Progress(null, Progress.Status.IMAGE_TRANSFER, moved, total, null));
  }
}
