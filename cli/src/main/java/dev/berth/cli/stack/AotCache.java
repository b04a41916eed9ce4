package dev.berth.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The JDK's AOT cache of a service (JDK 25 and later: JEPs 483, 514, 515). The first run of a jar on
 * a JDK records which classes the service loads and links and how its methods run, and writes the
 * cache as it stops ({@code -XX:AOTCacheOutput}: a few seconds more at {@code berth down}); every
 * later run of that jar on that JDK starts from it ({@code -XX:AOTCache}): its classes come loaded
 * and linked, and the JIT compiles the hot methods from the recorded profiles instead of profiling
 * them anew, so a restarted service is fast sooner. The cache is named after the JDK and the jar's
 * path, size and modification time, which the JVM checks too: a rebuilt jar or another JDK trains
 * anew and the stale cache is deleted. A run that does not stop cleanly writes none (the next one
 * trains again); a cache the JVM cannot use, it ignores with a warning in the service's log.
 */
public final class AotCache {

  /** The first JDK with {@code -XX:AOTCacheOutput}. */
  private static final int FIRST_JDK = 25;
  private static final String SUFFIX = ".aot";

  private AotCache() {
  }

  /**
   * The JVM options that run service {@code name} from {@code jar} on {@code jdk} from its cache in
   * {@code dir}, or record one there; none before JDK 25.
   */
  public static List<String> jvmOptions(Path dir, String name, Path jar, Runtime.Version jdk) {
    if (jdk.feature() < FIRST_JDK) {
      return List.of();
    }
    try {
      Path cache = dir.resolve(name + "-" + fingerprint(jar, jdk) + SUFFIX);
      if (Files.isRegularFile(cache)) {
        return List.of("-XX:AOTCache=" + cache);
      }
      deleteOthers(dir, name, cache);
      return List.of("-XX:AOTCacheOutput=" + cache);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the AOT cache of " + jar + " in " + dir, e);
    }
  }

  /** The JDK and the jar's absolute path, size and modification time, hashed. */
  private static String fingerprint(Path jar, Runtime.Version jdk) throws IOException {
    String identity = String.join("\n", jdk.toString(), jar.toAbsolutePath().toString(),
        Long.toString(Files.size(jar)), Long.toString(Files.getLastModifiedTime(jar).toMillis()));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Deletes the caches of other jars or JDKs and what a training run cut short left (its configuration). */
  private static void deleteOthers(Path dir, String name, Path keep) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name + "-*" + SUFFIX + "*")) {
      for (Path file : files) {
        if (!file.equals(keep)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
