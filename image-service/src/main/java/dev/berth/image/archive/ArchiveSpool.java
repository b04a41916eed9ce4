package dev.berth.image.archive;

import dev.berth.image.ImageException;
import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.oci.InvalidDigestException;
import dev.berth.oci.content.Compression;
import dev.berth.oci.content.ContentStore;
import dev.berth.oci.content.IngestWriter;
import dev.berth.oci.content.TeeInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The regular files of an archive being loaded, each spooled to an ingest file in one pass that also
 * computes its digest and, decompressed on the fly, its diffID. Entry names are confined (no absolute
 * paths, no {@code ..}); links are never followed (skopeo and older docker add some beside the files
 * {@code manifest.json} names, so they are only remembered, to refuse a reference to one); special
 * files are refused; a file under {@code blobs/<algorithm>/} must match the digest its name claims.
 * Closing deletes every spool file that was not committed.
 */
final class ArchiveSpool implements AutoCloseable {

  /** The most bytes a manifest, index, config or {@code manifest.json} may have. */
  static final int MAX_METADATA_SIZE = 16 << 20;

  private static final int MAX_ENTRIES = 100_000;
  private static final int BUFFER = 1 << 16;
  private static final Logger log = LoggerFactory.getLogger(ArchiveSpool.class);

  private final ContentStore content;
  private final String prefix = "load-" + UUID.randomUUID() + "-";
  private final Map<String, SpooledFile> files = new LinkedHashMap<>();
  private final Map<String, String> links = new HashMap<>();
  private final List<Path> created = new ArrayList<>();

  private ArchiveSpool(ContentStore content) {
    this.content = content;
  }

  /** Spools every regular file of the tar stream {@code in}. */
  static ArchiveSpool read(InputStream in, ContentStore content) {
    ArchiveSpool spool = new ArchiveSpool(content);
    try {
      spool.readAll(in);
      return spool;
    } catch (RuntimeException e) {
      spool.close();
      throw e;
    }
  }

  /**
   * {@code name} with {@code .} components and repeated slashes dropped.
   *
   * @throws ImageException.InvalidArgument when it is absolute or climbs out with {@code ..}
   */
  static String normalize(String name) {
    if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
      throw invalid("archive entry name \"" + name + "\" is empty or malformed");
    }
    if (name.startsWith("/")) {
      throw invalid("archive entry " + name + " is an absolute path");
    }
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        throw invalid("archive entry " + name + " climbs out of the archive with ..");
      }
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }

  boolean contains(String name) {
    return files.containsKey(name);
  }

  /** The file a metadata document names by path; {@code what} says who refers to it. */
  SpooledFile file(String path, String what) {
    String name = normalize(path);
    SpooledFile file = files.get(name);
    if (links.containsKey(name)) {
      throw invalid(what + " refers to " + path + ", a link to " + links.get(name) + "; links are not followed");
    }
    if (file == null) {
      throw invalid(what + " refers to " + path + ", which is not in the archive");
    }
    return file;
  }

  /** The file holding blob {@code digest} in an OCI layout. */
  Optional<SpooledFile> blob(Digest digest) {
    return Optional.ofNullable(files.get("blobs/" + digest.algorithm().id() + "/" + digest.encoded()));
  }

  /** The bytes of a metadata file (a manifest, an index, a config), refused above {@link #MAX_METADATA_SIZE}. */
  byte[] read(SpooledFile file, String what) {
    if (file.size() > MAX_METADATA_SIZE) {
      throw invalid(what + " " + file.name() + " has " + file.size() + " bytes, more than the limit of "
          + MAX_METADATA_SIZE);
    }
    try {
      return Files.readAllBytes(file.path());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spooled " + file.name(), e);
    }
  }

  /** A new spool file holding {@code bytes} (a synthesized manifest). */
  Path write(byte[] bytes) {
    Path path = newFile();
    try {
      Files.write(path, bytes);
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a spool file", e);
    }
  }

  /** Deletes the spool files that are left, committed ones having moved away. */
  @Override
  public void close() {
    for (Path path : created) {
      try {
        content.delete(path);
      } catch (IOException e) {
        log.warn("cannot delete spool file {}", path, e);
      }
    }
  }

  private void readAll(InputStream in) {
    int entries = 0;
    try {
      TarArchiveInputStream tar = new TarArchiveInputStream(in);
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          throw invalid("the archive has more than " + MAX_ENTRIES + " entries");
        }
        accept(entry, tar);
      }
    } catch (IOException e) {
      throw new ImageException.InvalidArgument("the archive is not a readable tar: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new ImageException.Unavailable("cannot spool the archive: " + e.getCause().getMessage(), e);
    }
    if (entries == 0) {
      throw invalid("the archive is empty or not a tar");
    }
  }

  private void accept(TarArchiveEntry entry, InputStream tar) throws IOException {
    String name = normalize(entry.getName());
    if (entry.isDirectory()) {
      return;
    }
    if (files.containsKey(name) || links.containsKey(name)) {
      throw invalid("archive entry " + name + " appears more than once");
    }
    if (entry.isSymbolicLink() || entry.isLink()) {
      links.put(name, entry.getLinkName());
      return;
    }
    byte type = entry.getLinkFlag();
    boolean regular = type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM
        || type == TarConstants.LF_CONTIG;
    if (!regular || entry.isSparse() || name.isEmpty()) {
      throw invalid("archive entry " + entry.getName() + " is not a regular file");
    }
    files.put(name, spool(name, tar, entry.getSize()));
  }

  private SpooledFile spool(String name, InputStream entry, long declared) throws IOException {
    Optional<Digest> claimed = claimedDigest(name);
    DigestAlgorithm algorithm = claimed.map(Digest::algorithm).orElse(DigestAlgorithm.SHA256);
    MessageDigest raw = algorithm.newMessageDigest();
    boolean rawIsDiffId = algorithm == DigestAlgorithm.SHA256;
    Path path = newFile();
    Compression compression;
    Digest diffId = null;
    long unpacked = 0;
    long size;
    FileChannel channel = open(path);
    try (channel) {
      TeeInputStream spooling = new TeeInputStream(entry, Channels.newOutputStream(channel), raw, Long.MAX_VALUE);
      BufferedInputStream buffered = new BufferedInputStream(spooling, BUFFER);
      compression = Compression.detect(buffered);
      if (compression != Compression.NONE || !rawIsDiffId) {
        MessageDigest tar = DigestAlgorithm.SHA256.newMessageDigest();
        try {
          unpacked = IngestWriter.hash(compression.decompress(buffered), tar);
          diffId = Digest.of(DigestAlgorithm.SHA256, tar);
        } catch (IOException undecodable) {
          diffId = null;
        }
      }
      buffered.transferTo(OutputStream.nullOutputStream());
      size = spooling.count();
    }
    if (size != declared) {
      throw invalid("archive entry " + name + " is truncated: " + size + " of " + declared + " bytes");
    }
    Digest digest = Digest.of(algorithm, raw);
    if (compression == Compression.NONE && rawIsDiffId) {
      diffId = digest;
      unpacked = size;
    }
    if (claimed.isPresent() && !claimed.get().equals(digest)) {
      throw invalid("blob " + claimed.get() + " in the archive does not match its digest: its content is " + digest);
    }
    return new SpooledFile(name, path, size, digest, compression, diffId, unpacked);
  }

  /** The digest a {@code blobs/<algorithm>/<encoded>} name claims, or empty for other names. */
  private static Optional<Digest> claimedDigest(String name) {
    if (!name.startsWith("blobs/")) {
      return Optional.empty();
    }
    String[] parts = name.split("/");
    try {
      if (parts.length == 3) {
        return Optional.of(Digest.parse(parts[1] + ":" + parts[2]));
      }
    } catch (InvalidDigestException e) {
      throw invalid("archive entry " + name + " is not a blob of a supported digest: " + e.getMessage());
    }
    throw invalid("archive entry " + name + " is not a blob path (blobs/<algorithm>/<encoded>)");
  }

  private Path newFile() {
    try {
      Path path = content.createIngest(prefix + created.size());
      created.add(path);
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a spool file", e);
    }
  }

  private static FileChannel open(Path path) {
    try {
      return FileChannel.open(path, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open spool file " + path, e);
    }
  }

  static ImageException.InvalidArgument invalid(String message) {
    return new ImageException.InvalidArgument(message);
  }
}
