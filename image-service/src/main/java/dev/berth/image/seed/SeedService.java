package dev.berth.image.seed;

import dev.berth.image.ImageException;
import dev.berth.image.importer.ImportRequest;
import dev.berth.image.importer.ImportService;
import dev.berth.image.push.PushService;
import dev.berth.image.store.ImageView;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Platforms;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Creates the seed images {@code busybox} and {@code httpd} from Debian's busybox-static through
 * {@link ImportService}, tags them {@code latest} on the default registry and pushes them there.
 * Everything that goes into them is fixed by the busybox binary (its bytes, its applets, its
 * modification time as every timestamp), so seeding again gives the same image IDs.
 */
@Service
public class SeedService {

  /** Where Debian's busybox-static installs the binary. */
  static final Path BUSYBOX = Path.of("/bin/busybox");

  private static final Logger log = LoggerFactory.getLogger(SeedService.class);
  private static final String PATH =
      "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final String INDEX_HTML = "<html><body><h1>It works!</h1></body></html>\n";

  /**
   * A seed image: its name, the files it has besides busybox's, its {@code --change} settings.
   */
  private record Seed(String name, Map<String, String> files, List<String> changes) {
  }

  private static final List<Seed> SEEDS = List.of(
      new Seed("busybox:latest", Map.of(), List.of(PATH, "CMD [\"sh\"]")),
      new Seed("httpd:latest", Map.of("www/index.html", INDEX_HTML),
          List.of(PATH, "EXPOSE 80", "CMD [\"httpd\", \"-f\", \"-p\", \"80\", \"-h\", \"/www\"]")));

  private final ImportService imports;
  private final PushService pushes;

  SeedService(ImportService imports, PushService pushes) {
    this.imports = imports;
    this.pushes = pushes;
  }

  /** Creates and pushes the seed images; returns them as stored. */
  public List<ImageView> seed() {
    if (!Files.isExecutable(BUSYBOX)) {
      throw new ImageException.Unavailable("cannot seed images: " + BUSYBOX
          + " is missing (install Debian's busybox-static)", null);
    }
    try {
      FileTime modified = FileTime.from(Files.getLastModifiedTime(BUSYBOX).toInstant().truncatedTo(ChronoUnit.SECONDS));
      List<String> applets = applets();
      return SEEDS.stream().map(seed -> create(seed, applets, modified)).toList();
    } catch (IOException e) {
      throw new ImageException.Unavailable("cannot seed images: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageException.Unavailable("seeding interrupted", e);
    }
  }

  private ImageView create(Seed seed, List<String> applets, FileTime modified) {
    Path tar = null;
    try {
      tar = Files.createTempFile("berth-seed", ".tar");
      try (OutputStream out = Files.newOutputStream(tar)) {
        SeedRootfs.write(out, BUSYBOX, applets, seed.files(), modified);
      }
      Instant created = modified.toInstant();
      String platform = Platforms.format(Platforms.normalize(Platforms.of("linux", System.getProperty("os.arch"),
          null)));
      ImageView image;
      try (InputStream in = Files.newInputStream(tar)) {
        image = imports.importImage(in, new ImportRequest(seed.name(), seed.changes(),
            "Berth seed image from Debian's busybox-static", platform, created));
      }
      Descriptor pushed = pushes.push(seed.name(), event -> log.debug("{}: {}", seed.name(), event));
      log.info("Seeded {} as image {}, pushed with manifest {}", seed.name(), image.id(), pushed.digest());
      return image;
    } catch (IOException e) {
      throw new ImageException.Unavailable("cannot build the root filesystem of " + seed.name() + ": "
          + e.getMessage(), e);
    } finally {
      deleteQuietly(tar);
    }
  }

  private static List<String> applets() throws IOException, InterruptedException {
    Process process = new ProcessBuilder(BUSYBOX.toString(), "--list").redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (process.waitFor() != 0) {
      throw new IOException(BUSYBOX + " --list failed: " + output.strip());
    }
    return output.lines().map(String::strip).filter(line -> !line.isEmpty()).sorted().toList();
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("cannot remove temporary file {}", file, e);
    }
  }
}
