package dev.berth.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

  private static final Runtime.Version JDK25 = Runtime.Version.parse("25.0.3+9");

  @TempDir
  Path dir;

  @Test
  void recordsACacheOnTheFirstRunAndStartsFromItAfterwards() throws IOException {
    Path jar = Files.writeString(dir.resolve("registry-service.jar"), "jar");

    String output = AotCache.jvmOptions(dir, "registry-service", jar, JDK25).getFirst();
    assertThat(output).startsWith("-XX:AOTCacheOutput=" + dir.resolve("registry-service-")).endsWith(".aot");
    Path cache = Path.of(output.substring(output.indexOf('=') + 1));
    Files.writeString(cache, "written by the JVM as the training run stopped");

    assertThat(AotCache.jvmOptions(dir, "registry-service", jar, JDK25)).containsExactly("-XX:AOTCache=" + cache);
  }

  @Test
  void trainsAnewForARebuiltJarOrAnotherJdkAndDeletesTheStaleCache() throws IOException {
    Path jar = Files.writeString(dir.resolve("node-agent.jar"), "jar");
    Path stale = cacheOf(AotCache.jvmOptions(dir, "node-agent", jar, JDK25).getFirst());
    Files.writeString(stale, "cache");
    Files.writeString(dir.resolve(stale.getFileName() + ".config"), "left by a training run cut short");
    Path otherService = Files.writeString(dir.resolve("gateway-0123456789abcdef.aot"), "cache");

    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    String rebuilt = AotCache.jvmOptions(dir, "node-agent", jar, JDK25).getFirst();

    assertThat(rebuilt).startsWith("-XX:AOTCacheOutput=");
    assertThat(cacheOf(rebuilt)).isNotEqualTo(stale);
    assertThat(stale).doesNotExist();
    assertThat(dir.resolve(stale.getFileName() + ".config")).doesNotExist();
    assertThat(otherService).exists();
    assertThat(cacheOf(AotCache.jvmOptions(dir, "node-agent", jar, Runtime.Version.parse("26")).getFirst()))
        .isNotEqualTo(cacheOf(rebuilt));
  }

  @Test
  void addsNothingBeforeJdk25() throws IOException {
    Path jar = Files.writeString(dir.resolve("engine-service.jar"), "jar");

    assertThat(AotCache.jvmOptions(dir, "engine-service", jar, Runtime.Version.parse("21.0.5"))).isEmpty();
  }

  private static Path cacheOf(String option) {
    return Path.of(option.substring(option.indexOf('=') + 1));
  }
}
