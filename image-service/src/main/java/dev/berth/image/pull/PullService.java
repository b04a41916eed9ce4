package dev.berth.image.pull;

import dev.berth.image.event.ImageEvents;
import dev.berth.image.progress.LayerTransfers;
import dev.berth.image.progress.Progress;
import dev.berth.image.ImageException;
import dev.berth.image.ImageProperties;
import dev.berth.image.store.BlobRepository;
import dev.berth.image.store.ImageRepository;
import dev.berth.image.store.ImageStore;
import dev.berth.image.store.ImageView;
import dev.berth.image.store.NewImage;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.ImageManifest;
import dev.berth.oci.InvalidManifestException;
import dev.berth.oci.Platform;
import dev.berth.oci.Platforms;
import dev.berth.oci.OciJson;
import dev.berth.oci.Reference;
import dev.berth.oci.client.BlobStream;
import dev.berth.oci.client.ContentVerificationException;
import dev.berth.oci.client.Credentials;
import dev.berth.oci.client.ManifestContent;
import dev.berth.oci.client.NotFoundException;
import dev.berth.oci.client.RegistryClient;
import dev.berth.oci.client.RegistryException;
import dev.berth.oci.client.ResolvedImage;
import dev.berth.oci.client.UnauthorizedException;
import dev.berth.oci.content.ContentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.core.JacksonException;

/** {@code docker pull}: resolve, select the platform, fetch config and layers, record the image. */
@Service
public class PullService {

  private static final int MAX_CONFIG_SIZE = 16 << 20;

  private final RegistryClient client;
  private final RegistryClients clients;
  private final LayerFetcher layers;
  private final ImageStore store;
  private final ImageRepository images;
  private final BlobRepository blobs;
  private final ContentStore content;
  private final TransactionOperations tx;
  private final ImageProperties properties;
  private final ImageEvents events;

  PullService(RegistryClient client, RegistryClients clients, LayerFetcher layers, ImageStore store,
      ImageRepository images, BlobRepository blobs, ContentStore content, TransactionOperations tx,
      ImageProperties properties, ImageEvents events) {
    this.events = events;
    this.client = client;
    this.clients = clients;
    this.layers = layers;
    this.store = store;
    this.images = images;
    this.blobs = blobs;
    this.content = content;
    this.tx = tx;
    this.properties = properties;
  }

  /**
   * Pulls {@code name} for {@code platform} (the configured default when null), reporting each
   * step to {@code progress}, and returns the stored image.
   */
  public ImageView pull(String name, String platform, Consumer<Progress> progress) {
    return pull(store.reference(name), platform, client, progress);
  }

  /**
   * Like {@link #pull(String, String, Consumer)}, with {@code credentials} for the image's registry
   * (null: anonymous) in a client of this pull's own, so that its tokens serve no other pull.
   */
  public ImageView pull(String name, String platform, Credentials credentials, Consumer<Progress> progress) {
    Reference reference = store.reference(name);
    if (credentials == null) {
      return pull(reference, platform, client, progress);
    }
    try (RegistryClient own = clients.withCredentials(reference.registry(), credentials)) {
      return pull(reference, platform, own, progress);
    }
  }

  private ImageView pull(Reference reference, String platform, RegistryClient client, Consumer<Progress> progress) {
    Platform wanted = platform(platform);
    String familiar = reference.familiarString(properties.defaultRegistry());
    try {
      progress.accept(Progress.detail(reference.digest() != null ? reference.digest().toString() : reference.tag(),
          Progress.Status.PULLING_FROM, reference.familiarName(properties.defaultRegistry())));
      ResolvedImage resolved = client.resolveImage(reference, wanted);
      ImageManifest manifest = resolved.imageManifest();
      ManifestContent top = resolved.index() != null ? resolved.index() : resolved.manifest();
      Reference repository = reference.repositoryOnly();
      byte[] configBytes = readConfig(client, repository, manifest.config());
      ImageConfig config = parseConfig(configBytes, manifest.config().digest());
      List<Descriptor> layerDescriptors = manifest.layers();
      if (config.diffIds().size() != layerDescriptors.size()) {
        throw new ImageException.InvalidArgument("image " + familiar + " has " + layerDescriptors.size()
            + " layers but its config lists " + config.diffIds().size() + " diffIDs");
      }
      boolean existed = images.existsById(manifest.config().digest().toString())
          && store.find(familiar).map(image -> image.id().equals(manifest.config().digest().toString())).orElse(false);
      long size = fetchLayers(client, repository, layerDescriptors, config.diffIds(), progress);
      commit(manifest.config().digest(), configBytes, manifest.config().mediaType());
      commit(resolved.manifest().digest(), resolved.manifest().bytes(), resolved.manifest().mediaType());
      store.record(new NewImage(manifest.config().digest(), config, resolved.manifest().digest(),
          resolved.manifest().mediaType(), layerDescriptors.stream().map(Descriptor::digest).toList(), size,
          reference, top.digest()));
      events.record("pull", familiar, reference.familiarName(properties.defaultRegistry()));
      progress.accept(Progress.detail(null, Progress.Status.DIGEST, top.digest().toString()));
      progress.accept(Progress.detail(null, existed ? Progress.Status.IMAGE_IS_UP_TO_DATE
          : Progress.Status.DOWNLOADED_NEWER_IMAGE, familiar));
      return store.inspect(manifest.config().digest().toString());
    } catch (InvalidManifestException e) {
      throw new ImageException.InvalidArgument("manifest of " + familiar + " is invalid: " + e.getMessage(), e);
    } catch (NotFoundException e) {
      throw new ImageException.NotFound("manifest for " + familiar + " not found: " + e.getMessage(), e);
    } catch (UnauthorizedException e) {
      throw new ImageException.Unauthorized("pull access denied for " + familiar + ": " + e.getMessage(), e);
    } catch (ContentVerificationException e) {
      throw new ImageException.InvalidArgument("content of " + familiar + " failed verification: "
          + e.getMessage(), e);
    } catch (RegistryException e) {
      throw new ImageException.Unavailable("registry refused the pull of " + familiar + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw ImageException.unavailable("pulling " + familiar + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageException.Unavailable("pull of " + familiar + " interrupted", e);
    }
  }

  private long fetchLayers(RegistryClient client, Reference repository, List<Descriptor> descriptors,
      List<Digest> diffIds, Consumer<Progress> progress) throws IOException, InterruptedException {
    Semaphore slots = new Semaphore(properties.maxConcurrentDownloads());
    Map<String, Long> sizes = new HashMap<>();
    descriptors.forEach(layer -> sizes.put(LayerFetcher.shortId(layer.digest()), layer.size()));
    Consumer<Progress> shared = new LayerTransfers(progress, sizes);
    List<Future<LayerFetcher.StoredLayer>> futures = new ArrayList<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < descriptors.size(); i++) {
        Descriptor layer = descriptors.get(i);
        Digest diffId = diffIds.get(i);
        futures.add(executor.submit(() -> {
          slots.acquire();
          try {
            return layers.fetch(client, repository, layer, diffId, shared);
          } finally {
            slots.release();
          }
        }));
      }
      long size = 0;
      for (Future<LayerFetcher.StoredLayer> future : futures) {
        size += await(future).uncompressedSize();
      }
      return size;
    }
  }

  private static LayerFetcher.StoredLayer await(Future<LayerFetcher.StoredLayer> future)
      throws IOException, InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException runtime -> throw runtime;
        case InterruptedException interrupted -> throw interrupted;
        default -> throw new IllegalStateException(e.getCause());
      }
    }
  }

  private byte[] readConfig(RegistryClient client, Reference repository, Descriptor config)
      throws IOException, InterruptedException {
    if (config.size() > MAX_CONFIG_SIZE) {
      throw new ImageException.InvalidArgument("image config of " + config.size() + " bytes exceeds the limit of "
          + MAX_CONFIG_SIZE);
    }
    try (BlobStream in = client.openBlob(repository, config.digest())) {
      byte[] bytes = in.readNBytes((int) config.size() + 1);
      if (bytes.length != config.size()) {
        throw new ImageException.InvalidArgument("image config " + config.digest() + " is " + bytes.length
            + " bytes, the manifest says " + config.size());
      }
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return bytes;
    }
  }

  private static ImageConfig parseConfig(byte[] bytes, Digest digest) {
    try {
      return OciJson.mapper().readValue(bytes, ImageConfig.class);
    } catch (JacksonException e) {
      throw new ImageException.InvalidArgument("image config " + digest + " is not valid: " + e.getOriginalMessage(), e);
    }
  }

  private void commit(Digest digest, byte[] bytes, String mediaType) throws IOException {
    Path file = content.createIngest("pull-" + UUID.randomUUID());
    try {
      Files.write(file, bytes);
      tx.executeWithoutResult(status -> {
        blobs.upsert(digest.toString(), bytes.length, mediaType, null, null);
        try {
          content.commit(file, digest);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot commit " + digest, e);
        }
      });
    } finally {
      content.delete(file);
    }
  }

  private Platform platform(String platform) {
    try {
      return Platforms.parse(platform == null || platform.isBlank() ? properties.platform() : platform);
    } catch (IllegalArgumentException e) {
      throw new ImageException.InvalidArgument("invalid platform " + platform + ": " + e.getMessage(), e);
    }
  }
}
