package dev.berth.image.push;

import dev.berth.image.event.ImageEvents;
import dev.berth.image.ImageException;
import dev.berth.image.ImageProperties;
import dev.berth.image.progress.LayerTransfers;
import dev.berth.image.progress.Progress;
import dev.berth.image.store.ImageEntity;
import dev.berth.image.store.ImageRepository;
import dev.berth.image.store.ImageStore;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.ImageManifest;
import dev.berth.oci.InvalidManifestException;
import dev.berth.oci.Manifests;
import dev.berth.oci.Reference;
import dev.berth.image.pull.RegistryClients;
import dev.berth.oci.client.BlobPushOutcome;
import dev.berth.oci.client.Credentials;
import dev.berth.oci.client.NotFoundException;
import dev.berth.oci.client.RegistryClient;
import dev.berth.oci.client.RegistryException;
import dev.berth.oci.client.UnauthorizedException;
import dev.berth.oci.client.UploadOptions;
import dev.berth.oci.content.ContentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@code docker push}: sends a local image's layers, config and manifest to the registry its name
 * denotes. Blobs the repository has are skipped, blobs the store knows in another repository of
 * the same registry are mounted from there, others uploaded (in chunks when larger than
 * {@link UploadOptions#DEFAULT_CHUNK_SIZE}); the manifest goes as its stored bytes, so its digest
 * is the one the image was pulled with, and is recorded as a repository digest of the image.
 */
@Service
public class PushService {

  /** Layers of one push uploaded at the same time (dockerd's default max-concurrent-uploads). */
  private static final int CONCURRENT_UPLOADS = 5;

  private final RegistryClient client;
  private final RegistryClients clients;
  private final ImageStore store;
  private final ImageRepository images;
  private final MountSourceRepository mountSources;
  private final ContentStore content;
  private final TransactionOperations tx;
  private final String defaultRegistry;
  private final ImageEvents events;

  PushService(RegistryClient client, RegistryClients clients, ImageStore store, ImageRepository images, MountSourceRepository mountSources,
      ContentStore content, TransactionOperations tx, ImageProperties properties, ImageEvents events) {
    this.events = events;
    this.client = client;
    this.clients = clients;
    this.store = store;
    this.images = images;
    this.mountSources = mountSources;
    this.content = content;
    this.tx = tx;
    this.defaultRegistry = properties.defaultRegistry();
  }

  /**
   * Pushes the image tagged {@code name} ({@code latest} when it names no tag), reporting each step
   * to {@code progress}; returns the descriptor of the manifest pushed.
   */
  public Descriptor push(String name, Consumer<Progress> progress) {
    return push(store.reference(name), client, progress);
  }

  /**
   * Like {@link #push(String, Consumer)}, with {@code credentials} for the image's registry (null:
   * anonymous) in a client of this push's own, so that its tokens serve no other request.
   */
  public Descriptor push(String name, Credentials credentials, Consumer<Progress> progress) {
    Reference reference = store.reference(name);
    if (credentials == null) {
      return push(reference, client, progress);
    }
    try (RegistryClient own = clients.withCredentials(reference.registry(), credentials)) {
      return push(reference, own, progress);
    }
  }

  private Descriptor push(Reference reference, RegistryClient client, Consumer<Progress> progress) {
    String name = reference.toString();
    if (reference.digest() != null) {
      throw new ImageException.InvalidArgument("cannot push a digest reference: " + name);
    }
    String familiar = reference.familiarString(defaultRegistry);
    ImageEntity image = images.findIdByTag(reference.name(), reference.tag()).flatMap(images::findById)
        .orElseThrow(() -> new ImageException.NotFound("An image does not exist locally with the tag: " + familiar));
    try {
      progress.accept(Progress.detail(reference.tag(), Progress.Status.PUSH_REFERS_TO, reference.name()));
      byte[] manifestBytes = Files.readAllBytes(file(Digest.parse(image.manifestDigest()), "manifest", image));
      ImageManifest manifest = manifest(manifestBytes, image);
      List<Digest> diffIds = store.config(image).diffIds();
      Reference repository = reference.repositoryOnly();
      pushLayers(client, repository, manifest.layers(), diffIds, image, progress);
      pushBlob(client, repository, manifest.config(), image,
          UploadOptions.defaults().withMountFrom(mountSource(repository, manifest.config().digest())));
      Digest digest = client.pushManifest(reference, manifestBytes, image.manifestMediaType());
      tx.executeWithoutResult(status -> {
        images.upsertRepoDigest(reference.name(), digest.toString(), image.id());
        events.record("push", familiar, reference.familiarName(defaultRegistry));
      });
      progress.accept(new Progress(reference.tag(), Progress.Status.PUSH_DIGEST, 0, manifestBytes.length,
          digest.toString()));
      return Descriptor.of(image.manifestMediaType(), digest, manifestBytes.length);
    } catch (NotFoundException e) {
      throw new ImageException.NotFound("push of " + familiar + ": " + e.getMessage(), e);
    } catch (UnauthorizedException e) {
      throw new ImageException.Unauthorized("push access denied for " + familiar + ": " + e.getMessage(), e);
    } catch (RegistryException e) {
      throw new ImageException.Unavailable("registry refused the push of " + familiar + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw ImageException.unavailable("pushing " + familiar + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageException.Unavailable("push of " + familiar + " interrupted", e);
    }
  }

  /** Pushes the distributable layers, each digest once, {@value #CONCURRENT_UPLOADS} at a time. */
  private void pushLayers(RegistryClient client, Reference repository, List<Descriptor> layers, List<Digest> diffIds, ImageEntity image,
      Consumer<Progress> progress) throws IOException, InterruptedException {
    Map<Digest, LayerPush> pushes = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      Descriptor layer = layers.get(i);
      if (layer.mustBePresent()) {
        Digest shown = i < diffIds.size() ? diffIds.get(i) : layer.digest();
        pushes.putIfAbsent(layer.digest(), new LayerPush(layer, shown.encoded().substring(0, 12)));
      }
    }
    Map<String, Long> sizes = new HashMap<>();
    pushes.values().forEach(push -> sizes.put(push.id(), push.layer().size()));
    Consumer<Progress> shared = new LayerTransfers(progress, sizes);
    pushes.values().forEach(push -> shared.accept(Progress.of(push.id(), Progress.Status.PREPARING)));
    Semaphore slots = new Semaphore(CONCURRENT_UPLOADS);
    List<Future<Void>> futures = new ArrayList<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (LayerPush push : pushes.values()) {
        futures.add(executor.submit(() -> {
          slots.acquire();
          try {
            pushLayer(client, repository, push, image, shared);
            return null;
          } finally {
            slots.release();
          }
        }));
      }
      for (Future<Void> future : futures) {
        await(future);
      }
    }
  }

  /** A layer to push and the id progress shows it by. */
  private record LayerPush(Descriptor layer, String id) {
  }

  private void pushLayer(RegistryClient client, Reference repository, LayerPush push, ImageEntity image, Consumer<Progress> progress)
      throws IOException, InterruptedException {
    Descriptor layer = push.layer();
    String mountFrom = mountSource(repository, layer.digest());
    UploadOptions options = UploadOptions.defaults().withMountFrom(mountFrom).withProgress(done -> {
      if (done < layer.size()) {
        progress.accept(new Progress(push.id(), Progress.Status.PUSHING, done, layer.size(), null));
      }
    });
    switch (pushBlob(client, repository, layer, image, options)) {
      case ALREADY_EXISTS -> progress.accept(Progress.of(push.id(), Progress.Status.LAYER_ALREADY_EXISTS));
      case MOUNTED -> progress.accept(Progress.detail(push.id(), Progress.Status.MOUNTED_FROM, mountFrom));
      case UPLOADED -> {
        progress.accept(new Progress(push.id(), Progress.Status.PUSHING, layer.size(), layer.size(), null));
        progress.accept(Progress.of(push.id(), Progress.Status.PUSHED));
      }
    }
  }

  /** A repository of the same registry known to hold {@code digest}, as its path there; or null. */
  private String mountSource(Reference repository, Digest digest) {
    String prefix = repository.registry() + "/";
    return mountSources.findRepositoryHolding(digest.toString(), prefix, repository.name())
        .map(source -> source.substring(prefix.length())).orElse(null);
  }

  private BlobPushOutcome pushBlob(RegistryClient client, Reference repository, Descriptor blob, ImageEntity image,
      UploadOptions options)
      throws IOException, InterruptedException {
    return client.pushBlob(repository, file(blob.digest(), "blob", image), blob.digest(), options);
  }

  private Path file(Digest digest, String what, ImageEntity image) {
    return content.find(digest).orElseThrow(() -> new ImageException.NotFound(what + " " + digest + " of image "
        + image.id() + " is missing from the content store"));
  }

  private static ImageManifest manifest(byte[] bytes, ImageEntity image) {
    try {
      if (Manifests.parse(bytes, image.manifestMediaType()) instanceof ImageManifest manifest) {
        return manifest;
      }
    } catch (InvalidManifestException e) {
      throw new ImageException.InvalidArgument("stored manifest of image " + image.id() + " is invalid: "
          + e.getMessage(), e);
    }
    throw new ImageException.InvalidArgument("stored manifest of image " + image.id() + " is not an image manifest");
  }

  private static void await(Future<Void> future) throws IOException, InterruptedException {
    try {
      future.get();
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException runtime -> throw runtime;
        case InterruptedException interrupted -> throw interrupted;
        default -> throw new IllegalStateException(e.getCause());
      }
    }
  }
}
