package dev.berth.image.store;

import dev.berth.oci.Digest;
import dev.berth.oci.content.ContentStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Removes the files of blobs whose rows were deleted by a committed transaction. */
@Component
class BlobFiles {

  private static final Logger log = LoggerFactory.getLogger(BlobFiles.class);

  private final ContentStore content;

  BlobFiles(ContentStore content) {
    this.content = content;
  }

  void remove(Collection<String> digests) {
    for (String digest : digests) {
      try {
        Optional<Path> trashed = content.trash(Digest.parse(digest));
        if (trashed.isPresent()) {
          content.delete(trashed.get());
        }
      } catch (IOException e) {
        log.warn("cannot remove blob {} from the content store; it goes at the next sweep", digest, e);
      }
    }
  }
}
