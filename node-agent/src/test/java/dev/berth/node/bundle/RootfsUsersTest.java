package dev.berth.node.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.node.bundle.spec.Process;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsUsersTest {

  @TempDir
  Path dir;

  @Test
  void resolvesANameWithItsPrimaryGroupHomeAndMemberships() throws IOException {
    Path rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));

    RootfsUsers.ExecUser user = RootfsUsers.resolve(rootfs, "app");

    assertThat(user.user()).isEqualTo(new Process.User(1000, 1000, List.of(50, 29)));
    assertThat(user.home()).isEqualTo("/home/app");
  }

  @Test
  void anExplicitGroupReplacesThePrimaryGroupWithoutMemberships() throws IOException {
    Path rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));

    assertThat(RootfsUsers.resolve(rootfs, "app:staff").user()).isEqualTo(new Process.User(1000, 50, null));
    assertThat(RootfsUsers.resolve(rootfs, "1000:4242").user()).isEqualTo(new Process.User(1000, 4242, null));
  }

  @Test
  void usesAnUnknownNumericUserAsIsWithGroupZero() throws IOException {
    Path rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));

    RootfsUsers.ExecUser user = RootfsUsers.resolve(rootfs, "4321");

    assertThat(user.user()).isEqualTo(new Process.User(4321, 0, null));
    assertThat(user.home()).isEqualTo("/");
  }

  @Test
  void defaultsToRoot() throws IOException {
    Path rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));

    RootfsUsers.ExecUser user = RootfsUsers.resolve(rootfs, null);

    assertThat(user.user()).isEqualTo(new Process.User(0, 0, null));
    assertThat(user.home()).isEqualTo("/root");
  }

  @Test
  void rejectsAnUnknownUserOrGroupName() throws IOException {
    Path rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));

    assertThatThrownBy(() -> RootfsUsers.resolve(rootfs, "ghost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unable to find user ghost");
    assertThatThrownBy(() -> RootfsUsers.resolve(rootfs, "app:ghosts"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unable to find group ghosts");
  }

  @Test
  void doesNotFollowAnAbsoluteSymlinkedPasswdOutOfTheRootfs() throws IOException {
    Path host = Files.createDirectories(dir.resolve("host"));
    Files.writeString(host.resolve("passwd"), "intruder:x:0:0::/:/bin/sh\n");
    Path rootfs = Files.createDirectories(dir.resolve("rootfs/etc"));
    Files.createSymbolicLink(rootfs.resolve("passwd"), host.resolve("passwd"));

    assertThatThrownBy(() -> RootfsUsers.resolve(dir.resolve("rootfs"), "intruder"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unable to find user intruder");
  }

  @Test
  void resolvesARelativeSymlinkThatClimbsOutInsideTheRootfs() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("passwd"), "intruder:x:0:0::/:/bin/sh\n");
    Path rootfs = dir.resolve("images/one/rootfs");
    Files.createDirectories(rootfs.resolve("etc"));
    Files.createDirectories(rootfs.resolve("real"));
    Files.writeString(rootfs.resolve("real/passwd"), "inside:x:7:7::/inside:/bin/sh\n");
    Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("../../../../../outside/passwd"));

    assertThatThrownBy(() -> RootfsUsers.resolve(rootfs, "intruder")).isInstanceOf(IllegalArgumentException.class);

    Files.delete(rootfs.resolve("etc/passwd"));
    Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/real/passwd"));
    assertThat(RootfsUsers.resolve(rootfs, "inside").user().uid()).isEqualTo(7);
  }

  @Test
  void rootfsPathsStopsASymlinkLoop() throws IOException {
    Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
    Files.createSymbolicLink(rootfs.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(rootfs.resolve("b"), Path.of("/a"));

    assertThatThrownBy(() -> RootfsPaths.resolve(rootfs, "/a/passwd")).hasMessageContaining("too many levels");
    assertThat(RootfsPaths.resolve(rootfs, "/../../x/./y")).isEqualTo(rootfs.resolve("x/y"));
  }
}
