package dev.berth.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.node.bundle.spec.Seccomp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeccompFilterCacheTest {

  private static final Seccomp DEFAULT = filter("SCMP_ACT_ERRNO", "read", "write");
  private static final Seccomp WITH_SYS_ADMIN = filter("SCMP_ACT_ERRNO", "read", "write", "mount");

  @TempDir
  Path root;

  @Test
  void aFilterCrunCompiledOnceIsHandedToLaterCreatesOfTheSameFilter() throws IOException {
    SeccompFilterCache cache = new SeccompFilterCache(new OciRuntime("crun", Path.of("/usr/bin/crun"), root));
    assertThat(cache.annotations(DEFAULT)).isEmpty();
    byte[] program = {0x20, 0, 0, 0, 4, 0, 0, 0};
    Files.write(Files.createDirectories(root.resolve("first")).resolve("seccomp.bpf"), program);

    cache.learn("first", DEFAULT);

    String encoded = Base64.getEncoder().encodeToString(program);
    assertThat(cache.annotations(filter("SCMP_ACT_ERRNO", "read", "write")))
        .isEqualTo(Map.of("run.oci.seccomp_bpf_data", encoded));
    assertThat(cache.annotations(WITH_SYS_ADMIN)).as("another capability set: another filter").isEmpty();
    assertThat(cache.annotations(null)).isEmpty();
  }

  @Test
  void aContainerWithoutACompiledFilterTeachesNothing() throws IOException {
    SeccompFilterCache cache = new SeccompFilterCache(new OciRuntime("crun", Path.of("/usr/bin/crun"), root));
    Files.createDirectories(root.resolve("none"));

    cache.learn("none", DEFAULT);
    cache.learn("gone", DEFAULT);

    assertThat(cache.annotations(DEFAULT)).isEmpty();
  }

  @Test
  void runcHasNoSuchAnnotation() throws IOException {
    SeccompFilterCache cache = new SeccompFilterCache(new OciRuntime("runc", Path.of("/usr/sbin/runc"), root));
    Files.write(Files.createDirectories(root.resolve("first")).resolve("seccomp.bpf"), new byte[8]);

    cache.learn("first", DEFAULT);

    assertThat(cache.annotations(DEFAULT)).isEmpty();
  }

  private static Seccomp filter(String defaultAction, String... allowed) {
    return new Seccomp(defaultAction, null, List.of("SCMP_ARCH_X86_64"), null,
        List.of(new Seccomp.Syscall(List.of(allowed), "SCMP_ACT_ALLOW", null, null)));
  }
}
