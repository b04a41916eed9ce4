package dev.berth.cli.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrerequisitesTest {

  @TempDir
  Path root;

  @Test
  void anEmptyHostLacksEverythingAndNamesTheDebianPackages() throws IOException {
    Prerequisites host = new Prerequisites(List.of(Files.createDirectories(root.resolve("bin"))), root.resolve("cni"),
        root.resolve("busybox"));

    List<Prerequisite> missing = host.missing();

    assertThat(missing).extracting(Prerequisite::name).containsExactly("runc", "conmon", "CNI plugin bridge",
        "CNI plugin host-local", "CNI plugin loopback", "iptables", "statically linked busybox");
    assertThat(Prerequisites.packages(missing))
        .containsExactly("runc", "conmon", "containernetworking-plugins", "iptables", "busybox-static");
  }

  @Test
  void aHostWithEveryProgramPluginAndAStaticBusyboxLacksNothing() throws IOException {
    Path bin = Files.createDirectories(root.resolve("bin"));
    Path sbin = Files.createDirectories(root.resolve("sbin"));
    executable(bin.resolve("conmon"));
    executable(sbin.resolve("crun"));
    executable(sbin.resolve("iptables"));
    Path cni = Files.createDirectories(root.resolve("cni"));
    for (String plugin : List.of("bridge", "host-local", "loopback")) {
      executable(cni.resolve(plugin));
    }
    Path busybox = root.resolve("busybox");
    Files.write(busybox, elf(false));
    executable(busybox);

    assertThat(new Prerequisites(List.of(bin, sbin), cni, busybox).missing()).isEmpty();
  }

  @Test
  void aProgramThatIsNotExecutableDoesNotCount() throws IOException {
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.createFile(bin.resolve("runc"));

    assertThat(new Prerequisites(List.of(bin), root, root.resolve("busybox")).missing())
        .extracting(Prerequisite::name).contains("runc");
  }

  @Test
  void aDynamicallyLinkedBusyboxIsNotTheStaticOne() throws IOException {
    Path busybox = root.resolve("busybox");
    Files.write(busybox, elf(true));
    executable(busybox);

    assertThat(Prerequisites.isStaticExecutable(busybox)).isFalse();
    Files.write(busybox, elf(false));
    assertThat(Prerequisites.isStaticExecutable(busybox)).isTrue();
    Files.writeString(busybox, "#!/bin/sh\n");
    assertThat(Prerequisites.isStaticExecutable(busybox)).isFalse();
  }

  @Test
  void aRealDynamicallyLinkedProgramIsNotStatic() {
    Path env = Path.of("/usr/bin/env");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(env));

    assertThat(Prerequisites.isStaticExecutable(env)).isFalse();
  }

  private static void executable(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.createFile(file);
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** A minimal little-endian ELF64 header with two program headers, one of them PT_INTERP when {@code dynamic}. */
  private static byte[] elf(boolean dynamic) {
    java.nio.ByteBuffer elf = java.nio.ByteBuffer.allocate(64 + 2 * 56).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    elf.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
    elf.putLong(0x20, 64);
    elf.putShort(0x36, (short) 56);
    elf.putShort(0x38, (short) 2);
    elf.putInt(64, 1);
    elf.putInt(64 + 56, dynamic ? 3 : 1);
    return elf.array();
  }
}
