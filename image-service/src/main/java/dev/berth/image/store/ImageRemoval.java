package dev.berth.image.store;

import dev.berth.image.event.ImageEvents;
import dev.berth.image.ImageException;
import dev.berth.oci.Digest;
import dev.berth.oci.Reference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@code docker rmi} and {@code docker image prune}: untagging, deleting images, and freeing the
 * blobs that no image uses any more (row-locked, so a pull that is recording an image using one
 * of them either keeps it or fails cleanly).
 */
@Service
public class ImageRemoval {

  /**
   * What a removal did, in Docker's terms: references untagged (tags, then repository digests of
   * deleted images), image ids deleted.
   */
  public record Removed(List<String> untagged, List<String> deleted, long reclaimedBytes) {
  }


  private final ImageStore store;
  private final ImageRepository images;
  private final BlobRepository blobs;
  private final BlobFiles files;
  private final ImageUsage usage;
  private final TransactionOperations tx;
  private final ImageEvents events;

  ImageRemoval(ImageStore store, ImageRepository images, BlobRepository blobs, BlobFiles files,
      ImageUsage usage, TransactionOperations tx, ImageEvents events) {
    this.events = events;
    this.store = store;
    this.images = images;
    this.blobs = blobs;
    this.files = files;
    this.usage = usage;
    this.tx = tx;
  }

  /**
   * Removes {@code name}: only the tag when it names one of several tags of the image, else the
   * image. An image tagged in several repositories is deleted by id only with {@code force}; an
   * image containers use is never deleted.
   */
  public Removed remove(String name, boolean force) {
    Deletion deletion = tx.execute(status -> {
      ImageEntity image = store.get(name);
      List<String> tags = images.findTags(image.id());
      Optional<Reference> tag = tagOf(name, image);
      if (tag.isPresent() && tags.size() > 1) {
        images.deleteTag(tag.get().name(), tag.get().tag());
        events.record("untag", image.id(), image.id());
        return new Deletion(new Removed(List.of(store.familiar(tag.get().toString())), List.of(), 0), List.of());
      }
      if (tag.isEmpty() && tags.size() > 1 && !force) {
        throw new ImageException.Conflict("conflict: unable to delete " + shortId(image.id())
            + " (must be forced) - image is referenced in multiple repositories");
      }
      List<String> containers = usage.containersUsing(image.id());
      if (!containers.isEmpty()) {
        throw new ImageException.Conflict("conflict: unable to remove repository reference \"" + name
            + "\" (must force) - container " + shortId(containers.getFirst()) + " is using its referenced image "
            + shortId(image.id()));
      }
      return delete(image, tags);
    });
    files.remove(deletion.blobs());
    return deletion.removed();
  }

  /**
   * {@code docker image prune}: removes each of {@code imageIds} (with all its tags) that no
   * container uses; images in use, or removed meanwhile, are left out.
   */
  public Removed prune(List<String> imageIds) {
    List<String> untagged = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    long reclaimed = 0;
    for (String id : imageIds) {
      try {
        Removed removed = remove(id, true);
        untagged.addAll(removed.untagged());
        deleted.addAll(removed.deleted());
        reclaimed += removed.reclaimedBytes();
      } catch (ImageException.Conflict | ImageException.NotFound inUseOrGone) {
        // a container uses it, or another removal was first: pruning leaves it, as dockerd does
      }
    }
    return new Removed(untagged, deleted, reclaimed);
  }

  /** A removal's outcome and the blobs it freed, whose files go once its transaction committed. */
  private record Deletion(Removed removed, List<String> blobs) {
  }

  private Deletion delete(ImageEntity image, List<String> tags) {
    List<String> repoDigests = images.findRepoDigests(image.id());
    Set<String> candidates = new LinkedHashSet<>();
    candidates.add(image.id());
    candidates.add(image.manifestDigest());
    store.layers(image).forEach(layer -> candidates.add(layer.digest()));
    images.delete(image);
    images.flush();
    List<String> unused = blobs.lockUnused(new ArrayList<>(candidates));
    long bytes = blobs.findAllById(unused).stream().mapToLong(BlobEntity::size).sum();
    if (!unused.isEmpty()) {
      blobs.deleteAll(unused);
    }
    List<String> untagged = new ArrayList<>(tags.stream().map(store::familiar).toList());
    repoDigests.stream().map(store::familiar).forEach(untagged::add);
    untagged.forEach(name -> events.record("untag", image.id(), image.id()));
    events.record("delete", image.id(), image.id());
    return new Deletion(new Removed(untagged, List.of(image.id()), bytes), unused);
  }

  /** The tag {@code name} denotes when it is a tag of {@code image}. */
  private Optional<Reference> tagOf(String name, ImageEntity image) {
    if (Digest.isDigest(name)) {
      return Optional.empty();
    }
    try {
      Reference reference = store.reference(name);
      return reference.tag() != null && reference.digest() == null
          && images.findIdByTag(reference.name(), reference.tag()).filter(image.id()::equals).isPresent()
          ? Optional.of(reference) : Optional.empty();
    } catch (ImageException.InvalidArgument e) {
      return Optional.empty();
    }
  }

  static String shortId(String id) {
    String hex = id.startsWith("sha256:") ? id.substring(7) : id;
    return hex.substring(0, Math.min(12, hex.length()));
  }
}
