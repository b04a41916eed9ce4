package dev.berth.node.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.luben.zstd.Zstd;
import dev.berth.node.snapshot.SnapshotInfo.Kind;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class ImageLayersIT {

  static final SnapshotProperties PROPERTIES = new SnapshotProperties(Duration.ofMinutes(10), Duration.ofMinutes(10),
      DataSize.ofMegabytes(1), DataSize.ofMegabytes(1));

  @TempDir
  Path dir;
  BlobServer server;
  OverlaySnapshotter snapshotter;
  ImageLayers layers;

  @BeforeEach
  void start() throws IOException {
    server = new BlobServer();
    snapshotter = new OverlaySnapshotter(dir.resolve("snapshots"), Clock.systemUTC());
    layers = new ImageLayers(snapshotter, server.uri(), Duration.ofSeconds(10), PROPERTIES);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static final byte[] BASE = new TarBuilder().file("etc/os-release", "berth").file("bin/sh", "sh").build();
  static final byte[] MIDDLE = new TarBuilder().file(".wh.bin", "").file("usr/bin/sh", "sh").build();
  static final byte[] TOP = new TarBuilder().file("app", "app").build();

  private static String sha256(String text) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void preparesTheHostPlatformsImageFromAnIndexUnderChainIds() throws Exception {
    BlobServer.Image image = server.image(List.of(BASE, MIDDLE, TOP), Map.of());

    PreparedImage prepared = layers.prepare(image.index().toString());

    List<String> diffIds = image.diffIds();
    String chain1 = diffIds.get(0);
    String chain2 = sha256(chain1 + " " + diffIds.get(1));
    String chain3 = sha256(chain2 + " " + diffIds.get(2));
    assertThat(prepared.chainId()).isEqualTo(chain3);
    assertThat(prepared.config().diffIds()).extracting(Digest::toString).isEqualTo(diffIds);
    assertThat(prepared.base()).isEqualTo("init " + chain3);
    assertThat(snapshotter.list()).extracting(SnapshotInfo::key, SnapshotInfo::parent, SnapshotInfo::kind)
        .containsExactly(tuple(chain1, null, Kind.COMMITTED),
            tuple(chain2, chain1, Kind.COMMITTED),
            tuple(chain3, chain2, Kind.COMMITTED),
            tuple("init " + chain3, chain3, Kind.COMMITTED));
    Trees.mounted(snapshotter.view("v", prepared.chainId()), dir.resolve("mnt"), root -> {
      assertThat(root.resolve("etc/os-release")).hasContent("berth");
      assertThat(root.resolve("bin")).doesNotExist();
      assertThat(root.resolve("usr/bin/sh")).hasContent("sh");
      assertThat(root.resolve("app")).hasContent("app");
    });
  }

  @Test
  void unpacksZstdAndUncompressedLayers() throws Exception {
    Descriptor zstd = server.put(MediaTypes.OCI_LAYER_GZIP.replace("gzip", "zstd"), Zstd.compress(BASE));
    Descriptor plain = server.put(MediaTypes.OCI_LAYER, TOP);
    BlobServer.Image image = server.image(List.of(zstd, plain),
        List.of(Digest.sha256(BASE).toString(), Digest.sha256(TOP).toString()));

    PreparedImage prepared = layers.prepare(image.manifest().toString());

    Trees.mounted(snapshotter.view("v", prepared.chainId()), dir.resolve("mnt"),
        root -> assertThat(root.resolve("app")).hasContent("app"));
  }

  @Test
  void unpacksEachLayerOnceWhenEightThreadsPrepareTheSameImage() throws Exception {
    BlobServer.Image image = server.image(List.of(BASE, MIDDLE, TOP), Map.of());

    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      List<Future<PreparedImage>> results = IntStream.range(0, 8)
          .mapToObj(i -> threads.submit(() -> layers.prepare(image.index().toString()))).toList();
      for (Future<PreparedImage> result : results) {
        assertThat(result.get().base()).isEqualTo(snapshotter.list().getLast().key());
      }
    }

    for (Descriptor layer : image.layers()) {
      assertThat(server.requests(layer.digest())).isEqualTo(1);
    }
    assertThat(snapshotter.list()).hasSize(4);
  }

  @Test
  void putsTheMountTargetsTheImageLacksIntoItsInitLayerWithTheAttributesOfTheirParents() throws Exception {
    byte[] layer = new TarBuilder()
        .entry(new TarArchiveEntry("etc/", TarConstants.LF_DIR), e -> {
          e.setMode(0750);
          e.setIds(7, 8);
        }, null)
        .file("etc/hosts", "127.0.0.1 image")
        .symlink("dev", "/somewhere")
        .build();
    BlobServer.Image image = server.image(List.of(BASE, layer), Map.of());

    PreparedImage prepared = layers.prepare(image.manifest().toString());

    Trees.mounted(snapshotter.view("v", prepared.base()), dir.resolve("mnt"), root -> {
      assertThat(root.resolve("proc")).isDirectory();
      assertThat(root.resolve("sys")).isDirectory();
      assertThat(Files.isSymbolicLink(root.resolve("dev"))).as("the image's /dev stays a link").isTrue();
      assertThat(root.resolve("etc/hosts")).hasContent("127.0.0.1 image");
      assertThat(root.resolve("etc/hostname")).isEmptyFile();
      assertThat(root.resolve("etc/resolv.conf")).isEmptyFile();
      assertThat(root.resolve("etc/os-release")).hasContent("berth");
      assertThat(Files.readAttributes(root.resolve("etc"), "unix:mode,uid,gid"))
          .containsEntry("uid", 7).containsEntry("gid", 8).extractingByKey("mode").isEqualTo(040750);
    });
  }

  @Test
  void givesAnImageWithoutLayersAnInitLayerToo() throws Exception {
    BlobServer.Image image = server.image(List.of(), List.of());

    PreparedImage prepared = layers.prepare(image.manifest().toString());

    assertThat(prepared.chainId()).isNull();
    assertThat(snapshotter.list()).extracting(SnapshotInfo::key, SnapshotInfo::parent)
        .containsExactly(tuple("init scratch", null));
    Trees.mounted(snapshotter.view("v", prepared.base()), dir.resolve("mnt"),
        root -> assertThat(root.resolve("etc/hosts")).isEmptyFile());
  }

  @Test
  void refusesALayerWhoseBlobDoesNotMatchItsDigest() throws Exception {
    Digest claimed = Digest.sha256("something else".getBytes(StandardCharsets.US_ASCII));
    Descriptor layer = server.put(MediaTypes.OCI_LAYER_GZIP, claimed, BlobServer.gzip(BASE));
    BlobServer.Image image = server.image(List.of(layer), List.of(Digest.sha256(BASE).toString()));

    assertThatThrownBy(() -> layers.prepare(image.manifest().toString()))
        .isInstanceOf(LayerException.class)
        .hasMessageStartingWith("layer " + claimed + ": the blob received")
        .hasMessageContaining("has digest " + Digest.sha256(BlobServer.gzip(BASE)));
    assertThat(snapshotter.list()).isEmpty();
  }

  @Test
  void refusesALayerWhoseContentDoesNotMatchItsDiffId() throws Exception {
    Digest wrong = Digest.sha256(TOP);
    BlobServer.Image image = server.image(List.of(BASE), Map.of(0, wrong));

    assertThatThrownBy(() -> layers.prepare(image.manifest().toString()))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("the uncompressed layer has digest " + Digest.sha256(BASE))
        .hasMessageContaining("diffID " + wrong);
    assertThat(snapshotter.list()).isEmpty();
  }

  @Test
  void discardsTheSnapshotOfAHostileLayer() throws Exception {
    Path outside = Files.createDirectory(dir.resolve("outside"));
    byte[] hostile = new TarBuilder().symlink("link", "../../../outside").file("link/x", "escaped").build();
    BlobServer.Image image = server.image(List.of(BASE, hostile), Map.of());

    assertThatThrownBy(() -> layers.prepare(image.manifest().toString()))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("entry \"link/x\": its parent link is a symbolic link");

    assertThat(snapshotter.list()).extracting(SnapshotInfo::key).containsExactly(image.diffIds().getFirst());
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void reportsAManifestImageServiceDoesNotHave() {
    assertThatThrownBy(() -> layers.prepare(Digest.sha256(new byte[0]).toString()))
        .isInstanceOf(SnapshotException.Unavailable.class).hasMessageContaining("answered 404");
  }

  @Test
  void removesUnpacksACrashCutShortAtStart() throws IOException {
    snapshotter.prepare(LayerUnpack.KEY_PREFIX + "cut-short", null);

    new ImageLayers(snapshotter, server.uri(), Duration.ofSeconds(10), PROPERTIES);

    assertThat(snapshotter.list()).isEmpty();
  }
}
