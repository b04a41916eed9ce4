package dev.berth.registry.blob;

import dev.berth.oci.Digest;
import dev.berth.registry.distribution.DistributionException;
import dev.berth.registry.distribution.RepositoryName;
import dev.berth.registry.repository.RepositoryRepository;
import dev.berth.oci.content.ContentStore;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reading, linking, committing and unlinking blobs. */
@Service
public class BlobService {

  private static final Logger log = LoggerFactory.getLogger(BlobService.class);

  private final BlobRepository blobs;
  private final RepositoryRepository repositories;
  private final ContentStore store;

  BlobService(BlobRepository blobs, RepositoryRepository repositories, ContentStore store) {
    this.blobs = blobs;
    this.repositories = repositories;
    this.store = store;
  }

  /** A blob repository {@code name} may serve: its size and file. */
  public record BlobFile(Digest digest, long size, Path path) {
  }

  /**
   * The blob {@code digest} as repository {@code name} serves it. With {@code touch} (an existence
   * check before a push) the blob is also marked as used, so that garbage collection spares it
   * until the manifest that will reference it arrives.
   */
  @Transactional
  public BlobFile stat(RepositoryName name, Digest digest, boolean touch) {
    if (touch && blobs.touch(digest.toString()) == 0) {
      throw DistributionException.blobUnknown(name.value(), digest);
    }
    long size = blobs.findLinkedSize(name.value(), digest.toString())
        .orElseThrow(() -> DistributionException.blobUnknown(name.value(), digest));
    Path path = store.find(digest).orElseThrow(() -> {
      log.error("blob {} is recorded but its file is missing from the content store", digest);
      return DistributionException.blobUnknown(name.value(), digest);
    });
    return new BlobFile(digest, size, path);
  }

  /**
   * Makes an ingest file, already verified to hold {@code digest}, visible as a blob of the
   * repository. Runs inside the caller's transaction: the blob row stays locked until it commits,
   * so no collector can remove the file in between.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void commit(long repositoryId, Path ingest, Digest digest, long size) throws IOException {
    blobs.upsert(digest.toString(), size);
    store.commit(ingest, digest);
    blobs.link(repositoryId, digest.toString());
  }

  /**
   * Cross-repository mount: links a blob of repository {@code from} into {@code name}.
   *
   * @return false when {@code from} cannot serve the blob, so that the caller falls back to an upload
   */
  @Transactional
  public boolean mount(RepositoryName name, Digest digest, RepositoryName from) {
    if (blobs.findLinkedSize(from.value(), digest.toString()).isEmpty() || blobs.touch(digest.toString()) == 0) {
      return false;
    }
    blobs.link(repositories.upsert(name.value()), digest.toString());
    return true;
  }

  /** Removes the blob from repository {@code name}; the bytes go when garbage collection finds them unreferenced. */
  @Transactional
  public void unlink(RepositoryName name, Digest digest) {
    long repositoryId = repositories.findId(name.value())
        .orElseThrow(() -> DistributionException.blobUnknown(name.value(), digest));
    if (blobs.unlink(repositoryId, digest.toString()) == 0) {
      throw DistributionException.blobUnknown(name.value(), digest);
    }
  }
}
