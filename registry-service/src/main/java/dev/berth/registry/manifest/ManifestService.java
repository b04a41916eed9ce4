package dev.berth.registry.manifest;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.oci.InvalidManifestException;
import dev.berth.oci.Manifest;
import dev.berth.oci.Manifests;
import dev.berth.oci.OciJson;
import dev.berth.registry.RegistryProperties;
import dev.berth.registry.blob.BlobRepository;
import dev.berth.registry.blob.BlobService;
import dev.berth.registry.distribution.DistributionException;
import dev.berth.registry.distribution.ErrorCode;
import dev.berth.registry.distribution.RepositoryName;
import dev.berth.registry.repository.RepositoryRepository;
import dev.berth.oci.content.ContentStore;
import dev.berth.registry.tag.TagRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/** Pushing, resolving and deleting manifests. */
@Service
public class ManifestService {

  /** A stored manifest and the file holding its bytes. */
  public record StoredManifest(ManifestRow manifest, Path path) {
  }

  /** What a push stored: the manifest's digest and, for a referrer, its subject's. */
  public record Pushed(Digest digest, Digest subject) {
  }

  private final ManifestRepository manifests;
  private final TagRepository tags;
  private final BlobRepository blobRows;
  private final BlobService blobs;
  private final RepositoryRepository repositories;
  private final ContentStore store;
  private final TransactionOperations tx;
  private final RegistryProperties properties;

  ManifestService(ManifestRepository manifests, TagRepository tags, BlobRepository blobRows, BlobService blobs,
      RepositoryRepository repositories, ContentStore store, TransactionOperations tx,
      RegistryProperties properties) {
    this.manifests = manifests;
    this.tags = tags;
    this.blobRows = blobRows;
    this.blobs = blobs;
    this.repositories = repositories;
    this.store = store;
    this.tx = tx;
    this.properties = properties;
  }

  @Transactional(readOnly = true)
  public StoredManifest get(RepositoryName name, String reference) {
    ManifestReference ref = ManifestReference.parse(reference);
    ManifestRow manifest = (ref.isTag() ? manifests.findByTag(name.value(), ref.tag())
        : manifests.findByDigest(name.value(), ref.digest().toString()))
        .orElseThrow(() -> DistributionException.manifestUnknown(name.value(), reference));
    Path path = store.find(Digest.parse(manifest.digest()))
        .orElseThrow(() -> DistributionException.manifestUnknown(name.value(), reference));
    return new StoredManifest(manifest, path);
  }

  /**
   * Stores a manifest under a tag or its digest, after checking that its bytes match a digest
   * reference, that they are a manifest, and that everything it needs is in the repository.
   */
  public Pushed put(RepositoryName name, String reference, String contentType, InputStream body) throws IOException {
    ManifestReference ref = ManifestReference.parse(reference);
    byte[] bytes = readLimited(body);
    Digest digest = Digest.of(ref.isTag() ? DigestAlgorithm.SHA256 : ref.digest().algorithm(), bytes);
    if (!ref.isTag() && !digest.equals(ref.digest())) {
      throw new DistributionException(ErrorCode.DIGEST_INVALID,
          "manifest bytes hash to " + digest + ", not " + ref.digest(), Map.of("digest", ref.digest().toString()));
    }
    Manifest manifest;
    try {
      manifest = Manifests.parse(bytes, contentType);
    } catch (InvalidManifestException e) {
      throw new DistributionException(ErrorCode.MANIFEST_INVALID, e.getMessage(), null);
    }
    Path file = store.createIngest("manifest-" + UUID.randomUUID());
    try {
      Files.write(file, bytes);
      tx.executeWithoutResult(status -> store(name, ref, digest, bytes.length, manifest, file));
    } catch (DataIntegrityViolationException e) {
      throw new DistributionException(ErrorCode.MANIFEST_BLOB_UNKNOWN,
          "content referenced by manifest " + digest + " was removed while it was pushed", null);
    } finally {
      store.delete(file);
    }
    return new Pushed(digest, manifest.subject() == null ? null : manifest.subject().digest());
  }

  /** Deletes a manifest and its tags (by digest), or only a tag (by tag). */
  @Transactional
  public void delete(RepositoryName name, String reference) {
    if (!properties.deleteEnabled()) {
      throw DistributionException.deleteDisabled();
    }
    ManifestReference ref = ManifestReference.parse(reference);
    int deleted = ref.isTag() ? tags.deleteByName(name.value(), ref.tag())
        : manifests.deleteByDigest(name.value(), ref.digest().toString());
    if (deleted == 0) {
      throw DistributionException.manifestUnknown(name.value(), reference);
    }
  }

  private void store(RepositoryName name, ManifestReference ref, Digest digest, long size, Manifest manifest,
      Path file) {
    long repositoryId = repositories.upsert(name.value());
    Set<String> references = new LinkedHashSet<>();
    for (Descriptor blob : manifest.blobs()) {
      if (blob.mustBePresent()) {
        if (blobRows.findLinkedSize(name.value(), blob.digest().toString()).isEmpty()) {
          throw blobUnknown(name, blob.digest());
        }
        references.add(blob.digest().toString());
      }
    }
    for (Descriptor child : manifest.manifests()) {
      if (!manifests.existsInRepository(repositoryId, child.digest().toString())) {
        throw blobUnknown(name, child.digest());
      }
      references.add(child.digest().toString());
    }
    try {
      blobs.commit(repositoryId, file, digest, size);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store manifest " + digest, e);
    }
    long manifestId = manifests.upsert(repositoryId, digest.toString(), manifest.mediaType(), size,
        manifest.effectiveArtifactType(), manifest.subject() == null ? null : manifest.subject().digest().toString(),
        manifest.annotations() == null ? null : OciJson.mapper().writeValueAsString(manifest.annotations()));
    references.forEach(reference -> manifests.addReference(manifestId, reference));
    if (ref.isTag()) {
      tags.upsert(repositoryId, ref.tag(), manifestId);
    }
  }

  private static DistributionException blobUnknown(RepositoryName name, Digest digest) {
    return new DistributionException(ErrorCode.MANIFEST_BLOB_UNKNOWN,
        "manifest references " + digest + ", unknown to repository " + name, Map.of("digest", digest.toString()));
  }

  private byte[] readLimited(InputStream body) throws IOException {
    int max = (int) properties.maxManifestSize().toBytes();
    byte[] bytes = body.readNBytes(max + 1);
    if (bytes.length > max) {
      throw new DistributionException(ErrorCode.SIZE_INVALID, HttpStatus.PAYLOAD_TOO_LARGE,
          "manifest exceeds the limit of " + max + " bytes", Map.of("limit", max));
    }
    return bytes;
  }
}
