package dev.berth.image.archive;

import dev.berth.image.event.ImageEvents;
import dev.berth.image.ImageException;
import dev.berth.image.ImageProperties;
import dev.berth.image.store.BlobEntity;
import dev.berth.image.store.ImageEntity;
import dev.berth.image.store.ImageStore;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.ImageIndex;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.OciJson;
import dev.berth.oci.Reference;
import dev.berth.oci.content.ContentStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * {@code docker save}: one tar that is both an OCI image layout ({@code oci-layout},
 * {@code index.json} with {@code io.containerd.image.name} and {@code org.opencontainers.image.ref.name}
 * annotations, {@code blobs/}) and a Docker archive ({@code manifest.json} pointing into
 * {@code blobs/}, {@code repositories}), as docker 25+ writes it. Blobs are written as stored, each
 * once, streamed from the content store.
 */
@Service
public class SaveService {

  private static final byte[] OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);

  private final ImageStore store;
  private final TagRepository tags;
  private final ContentStore content;
  private final String defaultRegistry;
  private final ImageEvents events;

  SaveService(ImageStore store, TagRepository tags, ContentStore content, ImageProperties properties, ImageEvents events) {
    this.events = events;
    this.store = store;
    this.tags = tags;
    this.content = content;
    this.defaultRegistry = properties.defaultRegistry();
  }

  /**
   * The images {@code names} denote, as {@code docker save} reads them: {@code name:tag} saves that
   * tag, a name without tag every tag of its repository, an ID (or prefix) or {@code name@digest}
   * the image without tags.
   *
   * @throws ImageException.NotFound when a name denotes no image or a blob is missing
   */
  public List<SavedImage> resolve(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw new ImageException.InvalidArgument("name at least one image to save");
    }
    Map<String, Set<Reference>> tagsById = new LinkedHashMap<>();
    for (String name : names) {
      associate(name, tagsById);
    }
    List<SavedImage> images = new ArrayList<>();
    tagsById.forEach((id, references) -> images.add(saved(store.get(id), new ArrayList<>(references))));
    return images;
  }

  /** Writes the archive of {@code images} to {@code out}, which is left open. */
  public void write(List<SavedImage> images, OutputStream out) throws IOException {
    images.forEach(image -> events.record("save", image.id(), image.id()));
    TarWriter tar = new TarWriter(out);
    tar.file("oci-layout", OCI_LAYOUT);
    tar.directory("blobs");
    Set<String> directories = new HashSet<>();
    Set<Digest> written = new HashSet<>();
    for (SavedImage image : images) {
      List<ArchiveBlob> blobs = new ArrayList<>(image.layers());
      blobs.add(image.config());
      blobs.add(image.manifest());
      for (ArchiveBlob blob : blobs) {
        if (directories.add(blob.digest().algorithm().id())) {
          tar.directory("blobs/" + blob.digest().algorithm().id());
        }
        if (written.add(blob.digest())) {
          tar.file(blob.path(), blob.file(), blob.size());
        }
      }
    }
    tar.file("index.json", OciJson.mapper().writeValueAsBytes(index(images)));
    tar.file(DockerArchiveReader.MANIFEST, OciJson.mapper().writeValueAsBytes(manifests(images)));
    tar.file("repositories", OciJson.mapper().writeValueAsBytes(repositories(images)));
    tar.finish();
  }

  private void associate(String name, Map<String, Set<Reference>> tagsById) {
    if (!Digest.isDigest(name) && name.indexOf('@') < 0) {
      Reference reference = store.reference(name);
      boolean tagged = name.lastIndexOf(':') > name.lastIndexOf('/');
      if (tagged) {
        tagsById.computeIfAbsent(store.get(name).id(), id -> new LinkedHashSet<>()).add(reference);
        return;
      }
      List<TagRepository.TagRow> rows = tags.findByRepository(reference.name());
      rows.forEach(row -> tagsById.computeIfAbsent(row.imageId(), id -> new LinkedHashSet<>())
          .add(reference.withTag(row.name())));
      if (!rows.isEmpty()) {
        return;
      }
    }
    tagsById.computeIfAbsent(store.get(name).id(), id -> new LinkedHashSet<>());
  }

  private SavedImage saved(ImageEntity image, List<Reference> references) {
    List<ArchiveBlob> layers = new ArrayList<>();
    for (BlobEntity layer : store.layers(image)) {
      layers.add(blob(layer.digest(), image));
    }
    return new SavedImage(image.id(), references, blob(image.manifestDigest(), image),
        image.manifestMediaType(), blob(image.id(), image), layers);
  }

  private ArchiveBlob blob(String digest, ImageEntity image) {
    Digest parsed = Digest.parse(digest);
    return content.find(parsed)
        .map(file -> new ArchiveBlob(parsed, file, file.toFile().length()))
        .orElseThrow(() -> new ImageException.NotFound("blob " + digest + " of image " + image.id()
            + " is missing from the content store"));
  }

  private static ImageIndex index(List<SavedImage> images) {
    List<Descriptor> manifests = new ArrayList<>();
    for (SavedImage image : images) {
      ArchiveBlob manifest = image.manifest();
      if (image.tags().isEmpty()) {
        manifests.add(Descriptor.of(image.manifestMediaType(), manifest.digest(), manifest.size()));
      }
      for (Reference tag : image.tags()) {
        Map<String, String> annotations = new TreeMap<>(Map.of(OciLayoutReader.IMAGE_NAME, tag.toString(),
            OciLayoutReader.REF_NAME, tag.tag()));
        manifests.add(new Descriptor(image.manifestMediaType(), manifest.digest(), manifest.size(), null,
            annotations, null, null));
      }
    }
    return new ImageIndex(2, MediaTypes.OCI_INDEX, null, manifests, null, null);
  }

  private List<DockerArchiveManifest> manifests(List<SavedImage> images) {
    return images.stream().map(image -> new DockerArchiveManifest(image.config().path(),
        image.tags().isEmpty() ? null : image.tags().stream().map(tag -> store.familiar(tag.toString())).toList(),
        image.layers().stream().map(ArchiveBlob::path).toList())).toList();
  }

  /** The legacy {@code repositories} file: familiar repository name to tag to top layer. */
  private Map<String, Map<String, String>> repositories(List<SavedImage> images) {
    Map<String, Map<String, String>> repositories = new TreeMap<>();
    for (SavedImage image : images) {
      if (image.layers().isEmpty()) {
        continue;
      }
      String top = image.layers().getLast().digest().encoded();
      for (Reference tag : image.tags()) {
        repositories.computeIfAbsent(tag.familiarName(defaultRegistry), name -> new TreeMap<>()).put(tag.tag(), top);
      }
    }
    return repositories;
  }
}
