package dev.berth.oci.content;

import dev.berth.oci.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link ContentStore} on a local filesystem under a root directory: {@code blobs/},
 * {@code ingest/} and {@code trash/} on the same filesystem so that every move is an atomic
 * rename. Leftover trash from an interrupted run is emptied at start.
 */
public class FilesystemContentStore implements ContentStore {

  private final Path blobs;
  private final Path ingest;
  private final Path trash;

  public FilesystemContentStore(Path root) {
    this.blobs = root.resolve("blobs");
    this.ingest = root.resolve("ingest");
    this.trash = root.resolve("trash");
    try {
      Files.createDirectories(blobs);
      Files.createDirectories(ingest);
      Files.createDirectories(trash);
      try (Stream<Path> leftovers = Files.list(trash)) {
        for (Path leftover : (Iterable<Path>) leftovers::iterator) {
          Files.deleteIfExists(leftover);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare content store under " + root, e);
    }
  }

  private Path path(Digest digest) {
    return blobs.resolve(digest.algorithm().id()).resolve(digest.encoded().substring(0, 2)).resolve(digest.encoded());
  }

  @Override
  public Optional<Path> find(Digest digest) {
    Path path = path(digest);
    return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
  }

  @Override
  public Path createIngest(String id) throws IOException {
    Path file = ingest(id);
    Files.deleteIfExists(file);
    return Files.createFile(file);
  }

  @Override
  public Path ingest(String id) {
    if (id.contains("/") || id.startsWith(".")) {
      throw new IllegalArgumentException("bad ingest id " + id);
    }
    return ingest.resolve(id);
  }

  @Override
  public void commit(Path file, Digest digest) throws IOException {
    Path target = path(digest);
    if (Files.isRegularFile(target)) {
      Files.deleteIfExists(file);
      return;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(file);
      if (!Files.isRegularFile(target)) {
        throw e;
      }
    }
    syncDirectory(target.getParent());
  }

  @Override
  public Optional<Path> trash(Digest digest) throws IOException {
    Path trashed = trash.resolve(digest.encoded() + "." + UUID.randomUUID());
    try {
      Files.move(path(digest), trashed, StandardCopyOption.ATOMIC_MOVE);
      return Optional.of(trashed);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void restore(Path trashed, Digest digest) throws IOException {
    Files.move(trashed, path(digest), StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public List<Path> staleIngests(Duration age) throws IOException {
    FileTime before = FileTime.from(Instant.now().minus(age));
    try (Stream<Path> files = Files.list(ingest)) {
      return files.filter(file -> {
        try {
          return Files.getLastModifiedTime(file).compareTo(before) < 0;
        } catch (IOException gone) {
          return false;
        }
      }).toList();
    }
  }

  @Override
  public void delete(Path file) throws IOException {
    Files.deleteIfExists(file);
  }

  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not every filesystem lets a directory be opened for fsync; the rename is still atomic
    }
  }
}
