package dev.berth.node.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.HostOptions;
import dev.berth.node.api.MountSpec;
import dev.berth.node.api.Resources;
import dev.berth.node.api.RestartPolicy;
import dev.berth.node.bundle.VolumeMount;
import dev.berth.oci.ImageConfig;
import dev.berth.platform.BerthProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumesTest {

  private static final ImageConfig IMAGE = new ImageConfig(null, null, null, null, null, null,
      new ImageConfig.Config(null, null, null, null, List.of("sh"), Map.of("/var/lib/db", Map.of(), "/cache", Map.of()),
          null, null, null), null, null);

  @TempDir
  Path dir;
  Path rootfs;
  Volumes volumes;
  RecordingVolumeListener listener = new RecordingVolumeListener();

  @BeforeEach
  void setUp() throws IOException {
    rootfs = Files.createDirectories(dir.resolve("rootfs"));
    Path db = Files.createDirectories(rootfs.resolve("var/lib/db"));
    Files.writeString(db.resolve("seed.sql"), "create table t;");
    Files.createDirectories(db.resolve("sub"));
    Files.createSymbolicLink(db.resolve("link"), Path.of("/etc/shadow"));
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rwx------"));
    volumes = new Volumes(new BerthProperties(dir.resolve("data")), listener);
  }

  @Test
  void createsANamedVolumeOnFirstUseAndCopiesTheImageContentIntoIt() throws IOException {
    List<VolumeMount> mounts = volumes.mount(spec("c1", new MountSpec("volume", "dbdata", "/var/lib/db", false, 0)),
        IMAGE, rootfs);

    VolumeMount db = mounts.stream().filter(m -> m.destination().equals("/var/lib/db")).findFirst().orElseThrow();
    assertThat(db.name()).isEqualTo("dbdata");
    assertThat(db.source()).isEqualTo(dir.resolve("data/volumes/dbdata/_data"));
    assertThat(db.source().resolve("seed.sql")).hasContent("create table t;");
    assertThat(db.source().resolve("sub")).isDirectory();
    assertThat(Files.readSymbolicLink(db.source().resolve("link"))).isEqualTo(Path.of("/etc/shadow"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.source()))).isEqualTo("rwx------");
    assertThat(volumes.list()).contains("dbdata");
  }

  @Test
  void doesNotCopyIntoAVolumeThatHasContent() throws IOException {
    Files.createDirectories(volumes.path("dbdata"));
    Files.writeString(volumes.path("dbdata").resolve("mine"), "kept");

    volumes.mount(spec("c1", new MountSpec("volume", "dbdata", "/var/lib/db", false, 0)), IMAGE, rootfs);

    assertThat(volumes.path("dbdata").resolve("seed.sql")).doesNotExist();
    assertThat(volumes.path("dbdata").resolve("mine")).hasContent("kept");
  }

  @Test
  void givesAnonymousVolumesToImageVolumesAndSourcelessMounts() throws IOException {
    List<VolumeMount> mounts = volumes.mount(spec("c1", new MountSpec("volume", "", "/scratch", true, 0)), IMAGE,
        rootfs);

    assertThat(mounts).extracting(VolumeMount::destination).containsExactly("/scratch", "/cache", "/var/lib/db");
    assertThat(mounts).extracting(VolumeMount::name).allMatch(name -> name.matches("[0-9a-f]{64}"));
    assertThat(mounts.getFirst().readOnly()).isTrue();
    assertThat(mounts.get(2).source().resolve("seed.sql")).exists();
    assertThat(volumes.of("c1").anonymous()).hasSize(3);
  }

  @Test
  void aUserMountCoversAnImageVolume() throws IOException {
    List<VolumeMount> mounts = volumes.mount(spec("c1", new MountSpec("tmpfs", null, "/cache", false, 0)), IMAGE,
        rootfs);

    assertThat(mounts).extracting(VolumeMount::destination).containsExactly("/var/lib/db");
  }

  @Test
  void releaseWithRemovalDeletesOnlyTheAnonymousVolumes() throws IOException {
    volumes.mount(spec("c1", new MountSpec("volume", "keep", "/keep", false, 0)), IMAGE, rootfs);
    List<String> anonymous = volumes.of("c1").anonymous();

    volumes.release("c1", true);

    assertThat(volumes.list()).containsExactly("keep");
    assertThat(anonymous).hasSize(2).allSatisfy(name -> assertThat(volumes.path(name)).doesNotExist());
    assertThat(volumes.of("c1").anonymous()).isEmpty();
    assertThat(listener.told()).containsExactlyInAnyOrder("create keep", "create " + anonymous.get(0),
        "create " + anonymous.get(1), "destroy " + anonymous.get(0), "destroy " + anonymous.get(1));
  }

  @Test
  void refusesToRemoveAVolumeInUseAndRemovesItOnceReleased() throws IOException {
    volumes.mount(spec("c1", new MountSpec("volume", "shared", "/shared", false, 0)), null, rootfs);

    assertThatThrownBy(() -> volumes.remove("shared")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in use by container c1");

    volumes.release("c1", false);
    volumes.mount(spec("c2", new MountSpec("volume", "shared", "/shared", false, 0)), null, rootfs);
    volumes.release("c2", false);
    volumes.remove("shared");
    assertThat(listener.told()).containsExactly("create shared", "destroy shared");
    assertThat(volumes.list()).isEmpty();
    assertThatThrownBy(() -> volumes.remove("shared")).hasMessageContaining("not found");
  }

  @Test
  void rejectsInvalidVolumeNames() {
    assertThatThrownBy(() -> volumes.mount(spec("c1", new MountSpec("volume", "../etc", "/x", false, 0)), null, rootfs))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid volume name");
    assertThatThrownBy(() -> volumes.path("a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void copyUpDoesNotFollowASymlinkedMountPointOutOfTheRootfs() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "host data");
    Files.createSymbolicLink(rootfs.resolve("escape"), outside);

    List<VolumeMount> mounts = volumes.mount(spec("c1", new MountSpec("volume", "v1", "/escape", false, 0)), null,
        rootfs);

    assertThat(mounts.getFirst().source().resolve("secret")).doesNotExist();
  }

  private static ContainerSpec spec(String id, MountSpec mount) {
    HostOptions host = new HostOptions(List.of(mount), "bridge", List.of(), List.of(), List.of(), List.of(), List.of(),
        Resources.none(), RestartPolicy.no(), false, List.of(), List.of(), false, List.of(), false);
    return new ContainerSpec(id, "n", "sha256:x", null, null, null, null, null, null, null, false, false, null, null,
        null, host);
  }
}
