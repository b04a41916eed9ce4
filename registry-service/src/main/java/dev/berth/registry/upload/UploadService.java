package dev.berth.registry.upload;

import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.registry.blob.BlobService;
import dev.berth.registry.distribution.DistributionException;
import dev.berth.registry.distribution.ErrorCode;
import dev.berth.registry.distribution.RepositoryName;
import dev.berth.registry.repository.RepositoryRepository;
import dev.berth.oci.content.ContentStore;
import dev.berth.oci.content.IngestWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Upload sessions and monolithic pushes. Requests on one session are serialized; bytes are hashed
 * as they are written; a blob becomes visible only once its digest is verified.
 */
@Service
public class UploadService {

  /** A session's id and the number of bytes it holds. */
  public record Upload(UUID id, long size) {
  }

  @FunctionalInterface
  private interface IoAction<T> {
    T run() throws IOException;
  }

  private final UploadRepository uploads;
  private final RepositoryRepository repositories;
  private final BlobService blobs;
  private final ContentStore store;
  private final UploadHashes hashes;
  private final TransactionOperations tx;
  private final Counter bytesReceived;
  private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

  UploadService(UploadRepository uploads, RepositoryRepository repositories, BlobService blobs, ContentStore store,
      UploadHashes hashes, TransactionOperations tx, MeterRegistry meters) {
    this.uploads = uploads;
    this.repositories = repositories;
    this.blobs = blobs;
    this.store = store;
    this.hashes = hashes;
    this.tx = tx;
    this.bytesReceived = Counter.builder("berth.registry.blob.push").baseUnit("bytes")
        .description("blob bytes received").register(meters);
  }

  public Upload start(RepositoryName name) throws IOException {
    UUID id = UUID.randomUUID();
    store.createIngest(id.toString());
    tx.executeWithoutResult(status -> uploads.insert(id, repositories.upsert(name.value())));
    return new Upload(id, 0);
  }

  /** Links a blob of repository {@code from} into {@code name}; false when {@code from} cannot serve it. */
  public boolean mount(RepositoryName name, Digest digest, RepositoryName from) {
    return blobs.mount(name, digest, from);
  }

  public Upload status(RepositoryName name, String id) {
    UploadRow upload = find(name, id);
    return new Upload(upload.id(), upload.size());
  }

  /** Appends a chunk; {@code range}, when given, must start where the session ends. */
  public Upload append(RepositoryName name, String id, ContentRange range, InputStream body) throws IOException {
    UploadRow upload = find(name, id);
    return locked(upload.id(), () -> {
      UploadRow current = find(name, id);
      long size = write(current, range, body);
      return new Upload(current.id(), size);
    });
  }

  /** Completes a session with an optional last chunk: verifies {@code digest} and commits the blob. */
  public void complete(RepositoryName name, String id, Digest digest, ContentRange range, InputStream body)
      throws IOException {
    UploadRow upload = find(name, id);
    locked(upload.id(), () -> {
      UploadRow current = find(name, id);
      long size = write(current, range, body);
      Path file = store.ingest(current.id().toString());
      MessageDigest md = digest.algorithm() == DigestAlgorithm.SHA256 ? hashes.resume(current.id(), size) : null;
      if (md == null) {
        md = digest.algorithm().newMessageDigest();
        IngestWriter.hash(file, md);
      }
      Digest actual = Digest.of(digest.algorithm(), md);
      if (!actual.equals(digest)) {
        discard(current.id());
        locks.remove(current.id());
        throw new DistributionException(ErrorCode.DIGEST_INVALID,
            "upload " + id + " holds " + actual + ", not " + digest, Map.of("digest", digest.toString()));
      }
      tx.executeWithoutResult(status -> {
        commit(current.repositoryId(), file, digest, size);
        uploads.delete(current.id());
      });
      hashes.forget(current.id());
      locks.remove(current.id());
      return null;
    });
  }

  /** Pushes a whole blob in one request ({@code POST ...?digest=}). */
  public void monolithic(RepositoryName name, Digest digest, InputStream body, long contentLength) throws IOException {
    Path file = store.createIngest("monolithic-" + UUID.randomUUID());
    try {
      MessageDigest md = digest.algorithm().newMessageDigest();
      long size = IngestWriter.append(file, 0, body, md);
      bytesReceived.increment(size);
      if (contentLength >= 0 && size != contentLength) {
        throw new DistributionException(ErrorCode.SIZE_INVALID,
            "received " + size + " bytes, Content-Length said " + contentLength, null);
      }
      Digest actual = Digest.of(digest.algorithm(), md);
      if (!actual.equals(digest)) {
        throw new DistributionException(ErrorCode.DIGEST_INVALID,
            "blob holds " + actual + ", not " + digest, Map.of("digest", digest.toString()));
      }
      tx.executeWithoutResult(status -> commit(repositories.upsert(name.value()), file, digest, size));
    } finally {
      store.delete(file);
    }
  }

  public void cancel(RepositoryName name, String id) throws IOException {
    UploadRow upload = find(name, id);
    locked(upload.id(), () -> {
      discard(find(name, id).id());
      return null;
    });
    locks.remove(upload.id());
  }

  /** Cancels sessions idle for longer than {@code expiry}; returns how many. */
  public int purgeIdle(Duration expiry) throws IOException {
    int purged = 0;
    for (UUID id : uploads.findIdleIds(expiry.toMillis() / 1000.0)) {
      locked(id, () -> {
        discard(id);
        return null;
      });
      locks.remove(id);
      purged++;
    }
    return purged;
  }

  private long write(UploadRow upload, ContentRange range, InputStream body) throws IOException {
    long size = upload.size();
    if (range != null && range.start() != size) {
      throw new DistributionException(ErrorCode.BLOB_UPLOAD_INVALID, HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
          "chunk starts at " + range.start() + " but upload " + upload.id() + " holds " + size + " bytes",
          Map.of("size", size)).withHeader("Range", UploadController.range(size));
    }
    Path file = store.ingest(upload.id().toString());
    MessageDigest md = hashes.resume(upload.id(), size);
    long written;
    try {
      written = IngestWriter.append(file, size, body, md);
    } catch (IOException e) {
      IngestWriter.truncate(file, size);
      throw e;
    }
    if (range != null && written != range.length()) {
      IngestWriter.truncate(file, size);
      hashes.forget(upload.id());
      throw new DistributionException(ErrorCode.BLOB_UPLOAD_INVALID,
          "chunk holds " + written + " bytes, Content-Range said " + range.length(), Map.of("size", size));
    }
    if (written == 0) {
      hashes.save(upload.id(), md, size);
      return size;
    }
    bytesReceived.increment(written);
    long newSize = size + written;
    tx.executeWithoutResult(status -> uploads.updateSize(upload.id(), newSize));
    hashes.save(upload.id(), md, newSize);
    return newSize;
  }

  private void commit(long repositoryId, Path file, Digest digest, long size) {
    try {
      blobs.commit(repositoryId, file, digest, size);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot commit " + digest, e);
    }
  }

  private void discard(UUID id) throws IOException {
    tx.executeWithoutResult(status -> uploads.delete(id));
    store.delete(store.ingest(id.toString()));
    hashes.forget(id);
  }

  private UploadRow find(RepositoryName name, String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw DistributionException.uploadUnknown(name.value(), id);
    }
    return uploads.findInRepository(uuid, name.value())
        .orElseThrow(() -> DistributionException.uploadUnknown(name.value(), id));
  }

  private <T> T locked(UUID id, IoAction<T> action) throws IOException {
    ReentrantLock lock = locks.computeIfAbsent(id, key -> new ReentrantLock());
    lock.lock();
    try {
      return action.run();
    } finally {
      lock.unlock();
    }
  }
}
