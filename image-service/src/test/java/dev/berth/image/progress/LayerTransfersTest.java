package dev.berth.image.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerTransfersTest {

  private final List<Progress> seen = new ArrayList<>();
  private final LayerTransfers transfers = new LayerTransfers(seen::add, Map.of("a", 100L, "b", 50L));

  @Test
  void addsTheWholeImagesBytesAfterEveryStepThatMovesALayer() {
    transfers.accept(Progress.of("b", Progress.Status.ALREADY_EXISTS));
    transfers.accept(new Progress("a", Progress.Status.DOWNLOADING, 40, 100, null));
    transfers.accept(Progress.of("a", Progress.Status.VERIFIED));
    transfers.accept(Progress.of("a", Progress.Status.PULL_COMPLETE));

    assertThat(seen).filteredOn(event -> event.status() == Progress.Status.IMAGE_TRANSFER)
        .extracting(Progress::current, Progress::total)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(50L, 150L),
            org.assertj.core.groups.Tuple.tuple(90L, 150L),
            org.assertj.core.groups.Tuple.tuple(150L, 150L));
    assertThat(seen).filteredOn(event -> event.status() != Progress.Status.IMAGE_TRANSFER).hasSize(4);
  }

  @Test
  void countsMountedAndExistingLayersOfAPushAsMoved() {
    transfers.accept(Progress.detail("a", Progress.Status.MOUNTED_FROM, "other"));
    transfers.accept(Progress.of("b", Progress.Status.LAYER_ALREADY_EXISTS));

    assertThat(seen.getLast()).isEqualTo(new Progress(null, Progress.Status.IMAGE_TRANSFER, 150, 150, null));
  }
}
