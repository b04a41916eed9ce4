package dev.berth.image.query;

import dev.berth.image.store.BlobEntity;
import dev.berth.image.store.BlobRepository;
import dev.berth.image.store.ImageRepository;
import dev.berth.image.store.ImageStore;
import dev.berth.image.store.ImageUsage;
import dev.berth.image.store.ImageView;
import dev.berth.oci.ImageConfig;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** {@code docker images} with filters, {@code docker history}, and the image store's disk usage. */
@Service
public class ImageQueryService {

  private static final Comparator<ImageView> NEWEST_FIRST = Comparator
      .comparing(ImageQueryService::createdOf, Comparator.reverseOrder()).thenComparing(ImageView::id);

  private final ImageStore store;
  private final ImageRepository images;
  private final BlobRepository blobs;
  private final DiskUsageRepository usage;
  private final ImageUsage containers;

  ImageQueryService(ImageStore store, ImageRepository images, BlobRepository blobs, DiskUsageRepository usage,
      ImageUsage containers) {
    this.store = store;
    this.images = images;
    this.blobs = blobs;
    this.usage = usage;
    this.containers = containers;
  }

  /**
   * The images {@code filters} let through, newest first (by creation); with reference filters,
   * only their matching tags and digests are listed.
   */
  public List<ImageView> list(ImageFilters filters) {
    List<ReferencePattern> patterns = filters.reference().stream().map(ReferencePattern::compile).toList();
    List<LabelFilter> labels = filters.label().stream().map(LabelFilter::parse).toList();
    List<LabelFilter> notLabels = filters.notLabel().stream().map(LabelFilter::parse).toList();
    Instant before = filters.before() == null ? null : createdOf(store.inspect(filters.before()));
    Instant since = filters.since() == null ? null : createdOf(store.inspect(filters.since()));
    List<ImageView> listed = new ArrayList<>();
    for (ImageView view : store.list()) {
      Instant created = createdOf(view);
      Map<String, String> imageLabels = labelsOf(view.config());
      if ((filters.dangling() != null && filters.dangling() != view.repoTags().isEmpty())
          || (before != null && !created.isBefore(before))
          || (since != null && !created.isAfter(since))
          || (filters.until() != null && !created.isBefore(filters.until()))
          || !labels.stream().allMatch(label -> label.matches(imageLabels))
          || (!notLabels.isEmpty() && notLabels.stream().allMatch(label -> label.matches(imageLabels)))) {
        continue;
      }
      if (patterns.isEmpty()) {
        listed.add(view);
        continue;
      }
      List<String> tags = matching(view.repoTags(), patterns);
      List<String> digests = matching(view.repoDigests(), patterns);
      if (!tags.isEmpty() || !digests.isEmpty()) {
        listed.add(new ImageView(view.id(), tags, digests, view.created(), view.size(), view.os(),
            view.architecture(), view.variant(), view.manifestDigest(), view.manifestMediaType(), view.config(),
            view.layers(), view.storedAt()));
      }
    }
    listed.sort(NEWEST_FIRST);
    return listed;
  }

  /**
   * The steps of the image {@code name} denotes, newest first: one per history entry of its config,
   * each sized by the layer it produced.
   */
  public List<HistoryEntry> history(String name) {
    ImageView image = store.inspect(name);
    List<BlobEntity> layers = store.layers(store.get(image.id()));
    List<HistoryEntry> steps = new ArrayList<>();
    int layer = 0;
    for (ImageConfig.History step : image.config().history()) {
      long size = 0;
      if (!Boolean.TRUE.equals(step.emptyLayer())) {
        Long unpacked = layer < layers.size() ? layers.get(layer).uncompressedSize() : null;
        size = unpacked == null ? 0 : unpacked;
        layer++;
      }
      steps.add(new HistoryEntry(HistoryEntry.MISSING, instant(step.created()), step.createdBy(), List.of(), size,
          step.comment()));
    }
    Collections.reverse(steps);
    if (!steps.isEmpty()) {
      HistoryEntry top = steps.getFirst();
      steps.set(0, new HistoryEntry(image.id(), top.created(), top.createdBy(), image.repoTags(), top.size(),
          top.comment()));
    }
    return steps;
  }

  /** Blob bytes in total, per image, and reclaimable by pruning dangling images no container uses. */
  public DiskUsage diskUsage() {
    List<DiskUsage.Image> perImage = new ArrayList<>();
    List<String> dangling = new ArrayList<>();
    for (DiskUsageRepository.ImageBytes bytes : usage.imageBytes()) {
      List<String> tags = images.findTags(bytes.imageId()).stream().map(store::familiar).toList();
      if (tags.isEmpty() && containers.containersUsing(bytes.imageId()).isEmpty()) {
        dangling.add(bytes.imageId());
      }
      perImage.add(new DiskUsage.Image(bytes.imageId(), tags, bytes.size(), bytes.sharedSize(),
          bytes.size() - bytes.sharedSize()));
    }
    return new DiskUsage(blobs.totalSize(), usage.exclusiveTo(dangling), perImage);
  }

  private static List<String> matching(List<String> references, List<ReferencePattern> patterns) {
    return references.stream().filter(reference -> patterns.stream().anyMatch(p -> p.matches(reference))).toList();
  }

  private static Instant createdOf(ImageView image) {
    return image.created() == null ? Instant.EPOCH : image.created();
  }

  private static Map<String, String> labelsOf(ImageConfig config) {
    return config.config() == null || config.config().labels() == null ? Map.of() : config.config().labels();
  }

  private static Instant instant(String created) {
    try {
      return created == null ? null : Instant.parse(created);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
