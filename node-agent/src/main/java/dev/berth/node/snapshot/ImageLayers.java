package dev.berth.node.snapshot;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.ImageIndex;
import dev.berth.oci.ImageManifest;
import dev.berth.oci.InvalidDigestException;
import dev.berth.oci.InvalidManifestException;
import dev.berth.oci.Manifest;
import dev.berth.oci.Manifests;
import dev.berth.oci.OciJson;
import dev.berth.oci.Platform;
import dev.berth.oci.Platforms;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import tools.jackson.core.JacksonException;

/**
 * Makes the layers of an image committed snapshots, fetching what is missing from image-service:
 * the manifest (the host platform's, from an index), the config, then each layer bottom-up under
 * its {@linkplain ChainIds chain ID}, unpacked by a {@link LayerUnpack}, and on top of them the
 * image's {@link InitLayer}. Layers shared by images prepared at the same time are unpacked once:
 * the others wait for the first. An image prepared before is not fetched again while its init
 * layer exists.
 */
public class ImageLayers {

  private static final int PREPARED_IMAGES = 256;

  private final Snapshotter snapshotter;
  private final ImageServiceBlobs blobs;
  private final LayerUnpack unpack;
  private final long maxMetadataSize;
  private final Platform platform;
  private final InitLayer init;
  private final ConcurrentHashMap<String, CompletableFuture<Void>> creating = new ConcurrentHashMap<>();
  /** Images prepared before, by manifest digest: their content cannot change, only their snapshots can go. */
  private final Map<String, PreparedImage> prepared = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedImage> eldest) {
      return size() > PREPARED_IMAGES;
    }
  });

  /**
   * Removes what unpacks that were cut short (by a crash) left behind.
   *
   * @param imageService base URI of image-service
   * @param timeout connect and response timeout of its requests
   */
  public ImageLayers(Snapshotter snapshotter, URI imageService, Duration timeout, SnapshotProperties properties) {
    this.snapshotter = snapshotter;
    this.blobs = new ImageServiceBlobs(imageService, timeout);
    this.unpack = new LayerUnpack(snapshotter, blobs, new TarUnpacker(properties.maxEntrySize().toBytes()));
    this.init = new InitLayer(snapshotter);
    this.maxMetadataSize = properties.maxMetadataSize().toBytes();
    this.platform = Platforms.normalize(Platforms.of("linux", System.getProperty("os.arch"), null));
    snapshotter.list().stream().filter(s -> s.key().startsWith(LayerUnpack.KEY_PREFIX))
        .forEach(s -> snapshotter.remove(s.key()));
  }

  /**
   * Prepares the image {@code manifestDigest}: fetches its manifest and config, and unpacks every
   * layer not yet committed.
   *
   * @throws SnapshotException.InvalidContent when the manifest or config is unusable
   * @throws SnapshotException.Unavailable when image-service does not serve them
   * @throws LayerException when a layer does not match its digests or holds a hostile entry
   */
  public PreparedImage prepare(String manifestDigest) throws InterruptedException {
    PreparedImage known = prepared.get(manifestDigest);
    if (known != null && snapshotter.touch(known.base())) {
      return known;
    }
    ImageManifest manifest = manifest(digest(manifestDigest));
    ImageConfig config = config(manifest.config().digest());
    List<Descriptor> layers = manifest.layers();
    List<Digest> diffIds = config.diffIds();
    if (layers.size() != diffIds.size()) {
      throw new SnapshotException.InvalidContent("image " + manifestDigest + " has " + layers.size()
          + " layers but its config " + diffIds.size() + " diffIDs", null);
    }
    List<Digest> chainIds = ChainIds.of(diffIds);
    String parent = null;
    for (int i = 0; i < layers.size(); i++) {
      String chainId = chainIds.get(i).toString();
      String below = parent;
      Descriptor layer = layers.get(i);
      Digest diffId = diffIds.get(i);
      ensure(chainId, () -> unpack.unpack(chainId, below, layer, diffId));
      parent = chainId;
    }
    String top = parent;
    String base = InitLayer.key(top);
    ensure(base, () -> init.create(top));
    PreparedImage image = new PreparedImage(manifestDigest, config, top, base);
    prepared.put(manifestDigest, image);
    return image;
  }

  /** Makes {@code key} a committed snapshot by {@code creation} unless it is one; concurrent calls for a key create it once. */
  private void ensure(String key, Creation creation) throws InterruptedException {
    while (!snapshotter.touch(key)) {
      CompletableFuture<Void> mine = new CompletableFuture<>();
      CompletableFuture<Void> other = creating.putIfAbsent(key, mine);
      if (other != null) {
        await(other);
        continue;
      }
      try {
        if (!snapshotter.touch(key)) {
          creation.create();
        }
        mine.complete(null);
      } catch (RuntimeException | InterruptedException e) {
        mine.completeExceptionally(e);
        throw e;
      } finally {
        creating.remove(key, mine);
      }
    }
  }

  /** Creates and commits a snapshot: a layer unpacked, an init layer written. */
  @FunctionalInterface
  private interface Creation {
    void create() throws InterruptedException;
  }

  private static void await(CompletableFuture<Void> other) throws InterruptedException {
    try {
      other.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SnapshotException failure) {
        throw failure;
      }
      throw new SnapshotException.Unavailable("preparing the layer failed: " + e.getCause(), e.getCause());
    }
  }

  private ImageManifest manifest(Digest digest) throws InterruptedException {
    Manifest manifest = parse(digest);
    if (manifest instanceof ImageIndex index) {
      Descriptor chosen = Platforms.select(index, platform).orElseThrow(() -> new SnapshotException.InvalidContent(
          "index " + digest + " has no manifest for " + Platforms.format(platform), null));
      manifest = parse(chosen.digest());
    }
    if (manifest instanceof ImageManifest image) {
      return image;
    }
    throw new SnapshotException.InvalidContent("index " + digest + " names another index for "
        + Platforms.format(platform), null);
  }

  private Manifest parse(Digest digest) throws InterruptedException {
    ImageServiceBlobs.Content content = blobs.read(digest, maxMetadataSize);
    try {
      return Manifests.parse(content.bytes(), content.mediaType());
    } catch (InvalidManifestException e) {
      throw new SnapshotException.InvalidContent("manifest " + digest + ": " + e.getMessage(), e);
    }
  }

  private ImageConfig config(Digest digest) throws InterruptedException {
    try {
      return OciJson.mapper().readValue(blobs.read(digest, maxMetadataSize).bytes(), ImageConfig.class);
    } catch (JacksonException e) {
      throw new SnapshotException.InvalidContent("config " + digest + ": " + e.getOriginalMessage(), e);
    }
  }

  private static Digest digest(String value) {
    try {
      return Digest.parse(value);
    } catch (InvalidDigestException e) {
      throw new SnapshotException.InvalidContent(e.getMessage(), e);
    }
  }
}
