package dev.berth.oci.content;

import dev.berth.oci.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Content-addressed storage of blob bytes. Writers fill an ingest file, then {@link #commit} it
 * under its verified digest; removal goes through a trash area so that it can be undone until the
 * metadata change that justifies it has committed.
 */
public interface ContentStore {

  /** The file holding committed content {@code digest}, if present. */
  Optional<Path> find(Digest digest);

  /** A new, empty ingest file named {@code id}. */
  Path createIngest(String id) throws IOException;

  /** The ingest file named {@code id}, whether or not it exists. */
  Path ingest(String id);

  /**
   * Makes the ingest file visible as {@code digest}: fsync, then atomic rename. When the content is
   * already present the ingest file is simply removed.
   */
  void commit(Path ingest, Digest digest) throws IOException;

  /** Moves committed content to the trash; returns where, or empty when it was not present. */
  Optional<Path> trash(Digest digest) throws IOException;

  /** Undoes {@link #trash}. */
  void restore(Path trashed, Digest digest) throws IOException;

  /** Ingest files not written to for {@code age}: left by writers that never finished. */
  List<Path> staleIngests(Duration age) throws IOException;

  /** Deletes a trashed file, an ingest file, or anything else the store handed out. */
  void delete(Path file) throws IOException;
}
