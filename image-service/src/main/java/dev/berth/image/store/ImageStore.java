package dev.berth.image.store;

import dev.berth.image.event.ImageEvents;
import dev.berth.image.ImageException;
import dev.berth.image.ImageProperties;
import dev.berth.oci.Digest;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.InvalidReferenceException;
import dev.berth.oci.OciJson;
import dev.berth.oci.Reference;
import dev.berth.oci.content.ContentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recording, resolving, tagging and inspecting images. Removal is {@link ImageRemoval}'s. */
@Service
public class ImageStore {

  private static final Pattern ID_PREFIX = Pattern.compile("(?:sha256:)?[0-9a-f]{1,64}");

  private final ImageRepository images;
  private final ContentStore content;
  private final String defaultRegistry;
  private final ImageEvents events;

  ImageStore(ImageRepository images, ContentStore content, ImageProperties properties, ImageEvents events) {
    this.events = events;
    this.images = images;
    this.content = content;
    this.defaultRegistry = properties.defaultRegistry();
  }

  /** Records an image whose blobs are committed, and tags it. */
  @Transactional
  public void record(NewImage image) {
    String id = image.id().toString();
    ImageConfig config = image.config();
    int inserted = images.insertIfAbsent(id, image.manifestDigest().toString(), image.manifestMediaType(),
        config.os() == null ? "linux" : config.os(), config.architecture() == null ? "amd64" : config.architecture(),
        config.variant(), created(config), image.size());
    if (inserted == 1) {
      for (int i = 0; i < image.layers().size(); i++) {
        images.insertLayer(id, i, image.layers().get(i).toString());
      }
    }
    if (image.tag() != null && image.tag().tag() != null) {
      images.upsertTag(image.tag().name(), image.tag().tag(), id);
    }
    if (image.tag() != null && image.repoDigest() != null) {
      images.upsertRepoDigest(image.tag().name(), image.repoDigest().toString(), id);
    }
  }

  /**
   * The image {@code name} denotes, as Docker resolves it: a full ID, a name with tag or digest
   * (tag {@code latest} when neither), else an ID prefix.
   */
  @Transactional(readOnly = true)
  public Optional<ImageEntity> find(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    if (Digest.isDigest(name)) {
      return images.findById(name);
    }
    Optional<ImageEntity> byReference = parse(name).flatMap(reference -> (reference.digest() != null
        ? images.findIdByRepoDigest(reference.name(), reference.digest().toString())
        : images.findIdByTag(reference.name(), reference.tag())).flatMap(images::findById));
    if (byReference.isPresent() || !ID_PREFIX.matcher(name).matches()) {
      return byReference;
    }
    List<String> ids = images.findIdsByPrefix(name.startsWith("sha256:") ? name : "sha256:" + name);
    if (ids.size() > 1) {
      throw new ImageException.Conflict("image ID prefix " + name + " is ambiguous");
    }
    return ids.stream().findFirst().flatMap(images::findById);
  }

  /** Like {@link #find} but fails with "No such image" as Docker says it. */
  public ImageEntity get(String name) {
    return find(name).orElseThrow(() -> new ImageException.NotFound("No such image: " + name));
  }

  /** Points {@code target} (a name with optional tag) at the image {@code source} denotes. */
  @Transactional
  public void tag(String source, String target) {
    ImageEntity image = get(source);
    Reference reference = reference(target);
    if (reference.digest() != null) {
      throw new ImageException.InvalidArgument("refusing to create a tag with a digest reference: " + target);
    }
    images.upsertTag(reference.name(), reference.tag(), image.id());
    events.record("tag", image.id(), familiar(reference.toString()));
  }

  @Transactional(readOnly = true)
  public ImageView inspect(String name) {
    return view(get(name));
  }

  @Transactional(readOnly = true)
  public List<ImageView> list() {
    return images.findAllNewestFirst().stream().map(this::view).toList();
  }

  /** The layer blobs of an image, bottom first. */
  @Transactional(readOnly = true)
  public List<BlobEntity> layers(ImageEntity image) {
    return images.findLayers(image.id());
  }

  /** The image's config as stored. */
  public ImageConfig config(ImageEntity image) {
    try {
      return OciJson.mapper().readValue(Files.readAllBytes(content.find(Digest.parse(image.id()))
          .orElseThrow(() -> new ImageException.NotFound("config of image " + image.id() + " is missing"))),
          ImageConfig.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config of image " + image.id(), e);
    }
  }

  /** Parses a user's image name against the default registry. */
  public Reference reference(String name) {
    return parse(name).orElseThrow(() -> new ImageException.InvalidArgument("invalid reference format: " + name));
  }

  /** {@code reference} as Docker shows it: default registry and {@code library/} left out. */
  public String familiar(String canonical) {
    return Reference.parse(canonical, defaultRegistry).familiarString(defaultRegistry);
  }

  private Optional<Reference> parse(String name) {
    try {
      return Optional.of(Reference.parse(name, defaultRegistry));
    } catch (InvalidReferenceException e) {
      return Optional.empty();
    }
  }

  private ImageView view(ImageEntity image) {
    ImageConfig config = config(image);
    return new ImageView(image.id(),
        images.findTags(image.id()).stream().map(this::familiar).toList(),
        images.findRepoDigests(image.id()).stream().map(this::familiar).toList(),
        image.created(), image.size(), image.os(), image.architecture(), image.variant(), image.manifestDigest(),
        image.manifestMediaType(), config, config.diffIds().stream().map(Digest::toString).toList(),
        image.storedAt());
  }

  private static Instant created(ImageConfig config) {
    try {
      return config.created() == null ? null : Instant.parse(config.created());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
