package dev.berth.image.importer;

import dev.berth.image.event.ImageEvents;
import dev.berth.image.ImageException;
import dev.berth.image.ImageProperties;
import dev.berth.image.store.BlobRepository;
import dev.berth.image.store.ImageStore;
import dev.berth.image.store.ImageView;
import dev.berth.image.store.NewImage;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.ImageManifest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.OciJson;
import dev.berth.oci.Platform;
import dev.berth.oci.Platforms;
import dev.berth.oci.Reference;
import dev.berth.oci.content.ContentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@code docker import}: an image of one layer made from a root filesystem tarball, with an OCI
 * config (diffID, history, platform, the {@code --change} settings) and an OCI image manifest,
 * committed to the content store and recorded, tagged when a reference is given. Importing the
 * same tarball with the same request again gives the same image ID.
 */
@Service
public class ImportService {

  private static final Logger log = LoggerFactory.getLogger(ImportService.class);

  private final ImageStore store;
  private final BlobRepository blobs;
  private final ContentStore content;
  private final TransactionOperations tx;
  private final ImageProperties properties;
  private final ImageEvents events;

  ImportService(ImageStore store, BlobRepository blobs, ContentStore content, TransactionOperations tx,
      ImageProperties properties, ImageEvents events) {
    this.events = events;
    this.store = store;
    this.blobs = blobs;
    this.content = content;
    this.tx = tx;
    this.properties = properties;
  }

  /**
   * Imports {@code rootfs} (a tar, plain, gzip or zstd) as described by {@code request}. The
   * request is checked before the body is read; nothing is stored when either is refused.
   */
  public ImageView importImage(InputStream rootfs, ImportRequest request) {
    Reference tag = tag(request.reference());
    Platform platform = platform(request.platform());
    ImageConfig.Config settings = ConfigChanges.parse(request.changes());
    Path ingest = ingest();
    try {
      LayerIngest.Layer layer = LayerIngest.write(rootfs, ingest);
      String created = request.created().toString();
      String comment = request.message() == null || request.message().isBlank() ? "Imported from -"
          : request.message();
      ImageConfig config = new ImageConfig(created, null, platform.architecture(), platform.os(), null,
          platform.variant(), settings, new ImageConfig.RootFs("layers", List.of(layer.diffId())),
          List.of(new ImageConfig.History(created, null, null, comment, null)));
      byte[] configBytes = OciJson.mapper().writeValueAsBytes(config);
      Descriptor configDescriptor =
          Descriptor.of(MediaTypes.OCI_CONFIG, Digest.sha256(configBytes), configBytes.length);
      Descriptor layerDescriptor = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, layer.digest(), layer.size());
      byte[] manifestBytes = OciJson.mapper().writeValueAsBytes(new ImageManifest(2, MediaTypes.OCI_MANIFEST, null,
          configDescriptor, List.of(layerDescriptor), null, null));
      Digest manifestDigest = Digest.sha256(manifestBytes);
      commit(ingest, layerDescriptor, layer.diffId(), layer.uncompressedSize());
      commit(configBytes, configDescriptor);
      commit(manifestBytes, Descriptor.of(MediaTypes.OCI_MANIFEST, manifestDigest, manifestBytes.length));
      store.record(new NewImage(configDescriptor.digest(), config, manifestDigest, MediaTypes.OCI_MANIFEST,
          List.of(layer.digest()), layer.uncompressedSize(), tag, null));
      events.record("import", configDescriptor.digest().toString(), configDescriptor.digest().toString());
      return store.inspect(configDescriptor.digest().toString());
    } finally {
      delete(ingest);
    }
  }

  private Reference tag(String reference) {
    if (reference == null || reference.isBlank()) {
      return null;
    }
    Reference tag = store.reference(reference);
    if (tag.digest() != null) {
      throw new ImageException.InvalidArgument("cannot import as a digest reference: " + reference);
    }
    return tag;
  }

  private Platform platform(String platform) {
    try {
      return Platforms.normalize(Platforms.parse(platform == null || platform.isBlank() ? properties.platform()
          : platform));
    } catch (IllegalArgumentException e) {
      throw new ImageException.InvalidArgument("invalid platform " + platform + ": " + e.getMessage(), e);
    }
  }

  private Path ingest() {
    try {
      return content.createIngest("import-" + UUID.randomUUID());
    } catch (IOException e) {
      throw new ImageException.Unavailable("cannot create an ingest file: " + e.getMessage(), e);
    }
  }

  private void commit(byte[] bytes, Descriptor descriptor) {
    Path file = ingest();
    try {
      Files.write(file, bytes);
      commit(file, descriptor, null, null);
    } catch (IOException e) {
      throw new ImageException.Unavailable("cannot write " + descriptor.digest() + ": " + e.getMessage(), e);
    } finally {
      delete(file);
    }
  }

  private void commit(Path file, Descriptor descriptor, Digest diffId, Long uncompressedSize) {
    try {
      tx.executeWithoutResult(status -> {
        blobs.upsert(descriptor.digest().toString(), descriptor.size(), descriptor.mediaType(),
            diffId == null ? null : diffId.toString(), uncompressedSize);
        try {
          content.commit(file, descriptor.digest());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw new ImageException.Unavailable("cannot commit " + descriptor.digest() + ": " + e.getCause().getMessage(),
          e);
    }
  }

  private void delete(Path file) {
    try {
      content.delete(file);
    } catch (IOException e) {
      log.warn("cannot remove ingest file {}", file, e);
    }
  }
}
