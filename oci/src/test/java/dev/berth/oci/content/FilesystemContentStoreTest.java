package dev.berth.oci.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemContentStoreTest {

  @TempDir
  Path root;

  private final byte[] content = "hello content".getBytes(StandardCharsets.UTF_8);
  private final Digest digest = Digest.sha256(content);

  @Test
  void contentIsInvisibleUntilCommitted() throws IOException {
    ContentStore store = new FilesystemContentStore(root);
    Path ingest = store.createIngest("a");
    MessageDigest md = DigestAlgorithm.SHA256.newMessageDigest();
    IngestWriter.append(ingest, 0, new ByteArrayInputStream(content), md);

    assertThat(store.find(digest)).isEmpty();
    assertThat(Digest.of(DigestAlgorithm.SHA256, md)).isEqualTo(digest);

    store.commit(ingest, digest);

    assertThat(store.find(digest)).hasValueSatisfying(path -> assertThat(path).hasBinaryContent(content));
    assertThat(ingest).doesNotExist();
  }

  @Test
  void committingContentAlreadyPresentDropsTheIngest() throws IOException {
    ContentStore store = new FilesystemContentStore(root);
    for (String id : new String[] {"first", "second"}) {
      Path ingest = store.createIngest(id);
      Files.write(ingest, content);
      store.commit(ingest, digest);
      assertThat(ingest).doesNotExist();
    }
    assertThat(store.find(digest)).hasValueSatisfying(path -> assertThat(path).hasBinaryContent(content));
  }

  @Test
  void appendCutsOffWhatFollowsTheOffset() throws IOException {
    ContentStore store = new FilesystemContentStore(root);
    Path ingest = store.createIngest("chunks");
    IngestWriter.append(ingest, 0, new ByteArrayInputStream("abcdef".getBytes(StandardCharsets.UTF_8)), null);
    IngestWriter.append(ingest, 3, new ByteArrayInputStream("XY".getBytes(StandardCharsets.UTF_8)), null);

    assertThat(ingest).hasContent("abcXY");
  }

  @Test
  void trashedContentCanBeRestoredOrDeleted() throws IOException {
    ContentStore store = new FilesystemContentStore(root);
    Path ingest = store.createIngest("t");
    Files.write(ingest, content);
    store.commit(ingest, digest);

    Path trashed = store.trash(digest).orElseThrow();
    assertThat(store.find(digest)).isEmpty();
    store.restore(trashed, digest);
    assertThat(store.find(digest)).isPresent();

    store.delete(store.trash(digest).orElseThrow());
    assertThat(store.find(digest)).isEmpty();
    assertThat(store.trash(digest)).isEmpty();
  }

  @Test
  void emptiesTrashLeftByAnInterruptedRunAtStart() throws IOException {
    Files.createDirectories(root.resolve("trash"));
    Path leftover = Files.writeString(root.resolve("trash/leftover"), "x");

    new FilesystemContentStore(root);

    assertThat(leftover).doesNotExist();
  }

  @Test
  void refusesIngestIdsThatLeaveTheIngestDirectory() {
    ContentStore store = new FilesystemContentStore(root);

    assertThatThrownBy(() -> store.ingest("../escape")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.ingest(".hidden")).isInstanceOf(IllegalArgumentException.class);
  }
}
