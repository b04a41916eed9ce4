package dev.berth.node.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.berth.node.snapshot.SnapshotInfo.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlaySnapshotterIT {

  @TempDir
  Path dir;
  MutableClock clock = new MutableClock();
  OverlaySnapshotter snapshotter;

  @BeforeEach
  void snapshotter() throws IOException {
    snapshotter = new OverlaySnapshotter(dir.resolve("snapshots"), clock);
  }

  private void twoLayers() throws IOException {
    Trees.commitLayer(snapshotter, "base", null, new TarBuilder()
        .file("a/x", "x").file("a/y", "y").file("f", "f").file("d/k", "k").file("keep", "1")
        .build());
    Trees.commitLayer(snapshotter, "top", "base", new TarBuilder()
        .file(".wh.f", "").file("a/.wh.x", "").dir("d").file("d/.wh..wh..opq", "").file("d/new", "n")
        .file("keep", "2")
        .build());
  }

  @Test
  void hidesWhitedOutFilesAndOpaqueDirectoriesInTheOverlayView() throws IOException {
    twoLayers();

    Trees.mounted(snapshotter.view("v", "top"), dir.resolve("mnt"), root -> {
      assertThat(root.resolve("f")).doesNotExist();
      assertThat(root.resolve("a/x")).doesNotExist();
      assertThat(root.resolve("a/y")).hasContent("y");
      assertThat(root.resolve("d/k")).doesNotExist();
      assertThat(root.resolve("d/new")).hasContent("n");
      assertThat(root.resolve("keep")).hasContent("2");
    });
  }

  @Test
  void mountsAnActiveSnapshotWritableOverItsParents() throws IOException {
    twoLayers();

    Trees.mounted(snapshotter.prepare("container", "top"), dir.resolve("mnt"),
        root -> Files.writeString(root.resolve("a/written"), "w"));

    Trees.mounted(snapshotter.mounts("container"), dir.resolve("mnt"), root -> {
      assertThat(root.resolve("a/written")).hasContent("w");
      assertThat(root.resolve("a/y")).hasContent("y");
    });
    assertThat(snapshotter.list()).extracting(SnapshotInfo::key, SnapshotInfo::kind, SnapshotInfo::parent)
        .contains(tuple("container", Kind.ACTIVE, "top"));
  }

  @Test
  void viewsASingleLayerAsAReadOnlyBindMount() throws IOException {
    Trees.commitLayer(snapshotter, "base", null, new TarBuilder().file("f", "f").build());

    assertThat(snapshotter.view("v", "base")).singleElement()
        .satisfies(m -> assertThat(m.type()).isEqualTo(Mount.BIND))
        .satisfies(m -> assertThat(m.readOnly()).isTrue());
    Trees.mounted(snapshotter.mounts("v"), dir.resolve("mnt"), root -> {
      assertThat(root.resolve("f")).hasContent("f");
      assertThatThrownBy(() -> Files.writeString(root.resolve("g"), "g")).isInstanceOf(IOException.class);
    });
  }

  @Test
  void refusesToRemoveAParentAndToCommitTwiceUnderOneName() throws IOException {
    twoLayers();

    assertThatThrownBy(() -> snapshotter.remove("base")).isInstanceOf(SnapshotException.FailedPrecondition.class)
        .hasMessage("snapshot base has children");
    snapshotter.prepare("again", "base");
    assertThatThrownBy(() -> snapshotter.commit("top", "again")).isInstanceOf(SnapshotException.AlreadyExists.class);
    assertThatThrownBy(() -> snapshotter.prepare("x", "missing")).isInstanceOf(SnapshotException.NotFound.class);
    assertThatThrownBy(() -> snapshotter.prepare("y", "again"))
        .isInstanceOf(SnapshotException.FailedPrecondition.class);
  }

  @Test
  void survivesARestartAndRemovesIncompleteSnapshots() throws IOException {
    twoLayers();
    snapshotter.prepare("container", "top");
    Files.createDirectories(dir.resolve("snapshots/99/fs"));
    Files.createDirectories(dir.resolve("snapshots/removing-7/fs"));

    OverlaySnapshotter reopened = new OverlaySnapshotter(dir.resolve("snapshots"), clock);

    assertThat(reopened.list()).extracting(SnapshotInfo::key).containsExactly("base", "top", "container");
    assertThat(dir.resolve("snapshots/99")).doesNotExist();
    assertThat(dir.resolve("snapshots/removing-7")).doesNotExist();
    assertThat(reopened.usage()).isEqualTo(5 + 2);
  }

  @Test
  void prunesCommittedSnapshotsNothingUsesAfterTheGracePeriod() throws IOException {
    twoLayers();
    Trees.commitLayer(snapshotter, "other", null, new TarBuilder().file("o", "o").build());
    snapshotter.prepare("container", "base");
    clock.advance(Duration.ofMinutes(20));
    snapshotter.touch("other");
    SnapshotCollector collector = new SnapshotCollector(snapshotter, null, clock);

    assertThat(collector.collect(Duration.ofMinutes(10))).containsExactly("top");

    snapshotter.remove("container");
    assertThat(collector.collect(Duration.ofMinutes(10))).containsExactly("base");
    assertThat(collector.collect(Duration.ZERO)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(collector.collect(Duration.ZERO)).containsExactly("other");
    assertThat(snapshotter.list()).isEmpty();
  }

  /** A clock tests move forward. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2030-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
