package dev.berth.image.archive;

import dev.berth.image.event.ImageEvents;
import dev.berth.image.ImageException;
import dev.berth.image.ImageProperties;
import dev.berth.image.store.BlobRepository;
import dev.berth.image.store.ImageRepository;
import dev.berth.image.store.ImageStore;
import dev.berth.image.store.NewImage;
import dev.berth.oci.Digest;
import dev.berth.oci.Platform;
import dev.berth.oci.Platforms;
import dev.berth.oci.Reference;
import dev.berth.oci.content.ContentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@code docker load}: reads a Docker archive or an OCI image layout (several images, nested indexes
 * narrowed to the default platform), verifies every blob, and only then commits the blobs and records
 * and tags the images, all in one transaction. A refused archive leaves nothing behind.
 */
@Service
public class LoadService {

  private static final Logger log = LoggerFactory.getLogger(LoadService.class);

  private final ContentStore content;
  private final ImageStore store;
  private final ImageRepository images;
  private final BlobRepository blobs;
  private final TransactionOperations tx;
  private final Platform platform;
  private final ImageEvents events;

  LoadService(ContentStore content, ImageStore store, ImageRepository images, BlobRepository blobs,
      TransactionOperations tx, ImageProperties properties, ImageEvents events) {
    this.events = events;
    this.content = content;
    this.store = store;
    this.images = images;
    this.blobs = blobs;
    this.tx = tx;
    this.platform = Platforms.parse(properties.platform());
  }

  /**
   * Loads the tar stream {@code archive}.
   *
   * @throws ImageException.InvalidArgument when the archive is malformed or fails verification
   */
  public LoadResult load(InputStream archive) {
    try (ArchiveSpool spool = ArchiveSpool.read(archive, content)) {
      List<PendingImage> pending = merge(read(spool));
      if (pending.isEmpty()) {
        throw ArchiveSpool.invalid("the archive holds no image");
      }
      commit(pending);
      pending.forEach(image -> events.record("load", image.id().toString(), image.id().toString()));
      return LoadResult.of(pending.stream().map(image -> new LoadResult.LoadedImage(image.id().toString(),
          image.tags().stream().map(tag -> store.familiar(tag.toString())).toList())).toList());
    } catch (UncheckedIOException e) {
      throw new ImageException.Unavailable("loading the archive failed: " + e.getCause().getMessage(), e);
    }
  }

  private List<PendingImage> read(ArchiveSpool spool) {
    DockerArchiveReader docker = new DockerArchiveReader(spool, store::reference);
    if (spool.contains(OciLayoutReader.INDEX)) {
      List<PendingImage> layout = new OciLayoutReader(spool, platform, store::reference).read();
      if (!spool.contains(DockerArchiveReader.MANIFEST)) {
        return layout;
      }
      Map<Digest, List<Reference>> repoTags = docker.repoTagsByConfig();
      return layout.stream().map(image -> Optional.ofNullable(repoTags.get(image.id())).filter(tags -> !tags.isEmpty())
          .map(image::withTags).orElse(image)).toList();
    }
    if (spool.contains(DockerArchiveReader.MANIFEST)) {
      return docker.read();
    }
    throw ArchiveSpool.invalid("the archive has neither " + OciLayoutReader.INDEX + " (an OCI image layout) nor "
        + DockerArchiveReader.MANIFEST + " (a Docker archive)");
  }

  /** One entry per image, with the tags of all entries naming it. */
  private static List<PendingImage> merge(List<PendingImage> images) {
    Map<Digest, PendingImage> byId = new LinkedHashMap<>();
    for (PendingImage image : images) {
      byId.merge(image.id(), image, (first, next) -> {
        LinkedHashSet<Reference> tags = new LinkedHashSet<>(first.tags());
        tags.addAll(next.tags());
        return first.withTags(new ArrayList<>(tags));
      });
    }
    return new ArrayList<>(byId.values());
  }

  private void commit(List<PendingImage> pending) {
    List<Digest> placed = new ArrayList<>();
    try {
      tx.executeWithoutResult(status -> {
        Map<Digest, PendingBlob> fresh = new LinkedHashMap<>();
        for (PendingImage image : pending) {
          if (!images.existsById(image.id().toString())) {
            image.blobs().forEach(blob -> fresh.putIfAbsent(blob.digest(), blob));
          }
        }
        for (PendingBlob blob : fresh.values()) {
          blobs.upsert(blob.digest().toString(), blob.size(), blob.mediaType(),
              blob.diffId() == null ? null : blob.diffId().toString(), blob.uncompressedSize());
          place(blob.file(), blob.digest(), placed);
        }
        pending.forEach(this::record);
      });
    } catch (RuntimeException e) {
      placed.forEach(this::discard);
      throw e;
    }
  }

  private void place(Path file, Digest digest, List<Digest> placed) {
    try {
      boolean present = content.find(digest).isPresent();
      content.commit(file, digest);
      if (!present) {
        placed.add(digest);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit " + digest, e);
    }
  }

  private void record(PendingImage image) {
    if (image.tags().isEmpty()) {
      store.record(newImage(image, null));
    }
    image.tags().forEach(tag -> store.record(newImage(image, tag)));
  }

  private static NewImage newImage(PendingImage image, Reference tag) {
    return new NewImage(image.id(), image.config(), image.manifest().digest(), image.manifest().mediaType(),
        image.layers().stream().map(PendingBlob::digest).toList(), image.size(), tag, null);
  }

  private void discard(Digest digest) {
    try {
      Optional<Path> trashed = content.trash(digest);
      if (trashed.isPresent()) {
        content.delete(trashed.get());
      }
    } catch (IOException e) {
      log.warn("cannot remove blob {} of a failed load", digest, e);
    }
  }
}
