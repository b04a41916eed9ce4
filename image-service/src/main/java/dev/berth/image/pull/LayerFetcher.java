package dev.berth.image.pull;

import dev.berth.image.progress.Progress;
import dev.berth.image.ImageException;
import dev.berth.image.store.BlobEntity;
import dev.berth.image.store.BlobRepository;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.oci.Reference;
import dev.berth.oci.client.BlobStream;
import dev.berth.oci.client.ContentVerificationException;
import dev.berth.oci.client.NotFoundException;
import dev.berth.oci.client.RegistryClient;
import dev.berth.oci.content.Compression;
import dev.berth.oci.content.ContentStore;
import dev.berth.oci.content.IngestWriter;
import dev.berth.oci.content.TeeInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Downloads one layer into the content store in a single streaming pass: the registry's bytes go
 * to an ingest file while their digest is computed and, decompressed on the fly, their diffID and
 * unpacked size. An interrupted download keeps its ingest file and resumes from its end; content
 * that fails verification is discarded. One download per digest at a time (locks are striped by
 * digest, so their number stays bounded).
 */
@Component
class LayerFetcher {

  private static final int BUFFER = 1 << 16;

  /** A layer in the content store. */
  record StoredLayer(Digest digest, long uncompressedSize) {
  }

  private final ContentStore content;
  private final BlobRepository blobs;
  private final TransactionOperations tx;
  private final ReentrantLock[] locks = new ReentrantLock[64];

  LayerFetcher(ContentStore content, BlobRepository blobs, TransactionOperations tx) {
    this.content = content;
    this.blobs = blobs;
    this.tx = tx;
    Arrays.setAll(locks, i -> new ReentrantLock());
  }

  StoredLayer fetch(RegistryClient client, Reference repository, Descriptor layer, Digest diffId,
      Consumer<Progress> progress) throws IOException, InterruptedException {
    String id = shortId(layer.digest());
    ReentrantLock lock = locks[Math.floorMod(layer.digest().hashCode(), locks.length)];
    lock.lockInterruptibly();
    try {
      Optional<BlobEntity> existing = blobs.findById(layer.digest().toString())
          .filter(blob -> blob.diffId() != null && content.find(layer.digest()).isPresent()
              && tx.execute(status -> blobs.touch(blob.digest())) == 1);
      if (existing.isPresent()) {
        progress.accept(Progress.of(id, Progress.Status.ALREADY_EXISTS));
        return new StoredLayer(layer.digest(), existing.get().uncompressedSize());
      }
      progress.accept(Progress.of(id, Progress.Status.PULLING_FS_LAYER));
      return download(client, repository, layer, diffId, id, progress);
    } finally {
      lock.unlock();
    }
  }

  private StoredLayer download(RegistryClient client, Reference repository, Descriptor layer, Digest diffId,
      String id, Consumer<Progress> progress) throws IOException, InterruptedException {
    Digest digest = layer.digest();
    Path partial = content.ingest("pull-" + digest.algorithm().id() + "-" + digest.encoded());
    long offset = Files.isRegularFile(partial) ? Files.size(partial) : 0;
    if (offset > layer.size()) {
      Files.delete(partial);
      offset = 0;
    }
    MessageDigest prefix = digest.algorithm().newMessageDigest();
    if (offset > 0) {
      IngestWriter.hash(partial, prefix);
    }
    MessageDigest tar = DigestAlgorithm.SHA256.newMessageDigest();
    long unpacked;
    try (BlobStream remote = client.openBlob(repository, digest, offset, prefix,
            done -> progress.accept(new Progress(id, Progress.Status.DOWNLOADING, done, layer.size(), null)));
         FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      if (remote.size() >= 0 && remote.size() != layer.size()) {
        throw new ContentVerificationException("the registry announces " + remote.size()
            + " bytes, the manifest says " + layer.size());
      }
      out.truncate(offset);
      out.position(offset);
      InputStream stored = new TeeInputStream(remote, Channels.newOutputStream(out), null, layer.size() - offset);
      InputStream whole = offset == 0 ? stored : new SequenceInputStream(Files.newInputStream(partial), stored);
      BufferedInputStream buffered = new BufferedInputStream(whole, BUFFER);
      try {
        unpacked = IngestWriter.hash(Compression.detect(buffered).decompress(buffered), tar);
      } catch (java.util.zip.ZipException | com.github.luben.zstd.ZstdIOException e) {
        // read to the end first: a blob corrupted in transit or storage fails its digest, the better error
        buffered.transferTo(OutputStream.nullOutputStream());
        throw e;
      }
      // drained through the buffer: on a resume, the sequence has closed the download at its end
      buffered.transferTo(OutputStream.nullOutputStream());
      if (out.position() != layer.size()) {
        throw new ContentVerificationException("the registry sent " + out.position() + " bytes, the manifest says "
            + layer.size());
      }
    } catch (ContentVerificationException | TeeInputStream.LimitExceededException e) {
      Files.deleteIfExists(partial);
      throw new ImageException.InvalidArgument("layer " + digest + " from " + repository.name()
          + " failed verification: " + e.getMessage(), e);
    } catch (NotFoundException e) {
      throw new ImageException.NotFound("layer " + digest + " of " + repository.name()
          + " is missing from the registry: " + e.getMessage(), e);
    } catch (java.util.zip.ZipException | com.github.luben.zstd.ZstdIOException e) {
      Files.deleteIfExists(partial);
      throw new ImageException.InvalidArgument("layer " + digest + " is not a valid compressed tar: "
          + e.getMessage(), e);
    }
    Digest actualDiffId = Digest.of(DigestAlgorithm.SHA256, tar);
    if (diffId != null && !actualDiffId.equals(diffId)) {
      Files.deleteIfExists(partial);
      throw new ImageException.InvalidArgument("layer " + digest + " unpacks to " + actualDiffId
          + " but the image config says " + diffId);
    }
    progress.accept(Progress.of(id, Progress.Status.VERIFIED));
    tx.executeWithoutResult(status -> {
      blobs.upsert(digest.toString(), layer.size(), layer.mediaType(), actualDiffId.toString(), unpacked);
      try {
        content.commit(partial, digest);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot commit layer " + digest, e);
      }
    });
    progress.accept(Progress.of(id, Progress.Status.PULL_COMPLETE));
    return new StoredLayer(digest, unpacked);
  }

  static String shortId(Digest digest) {
    return digest.encoded().substring(0, 12);
  }
}
