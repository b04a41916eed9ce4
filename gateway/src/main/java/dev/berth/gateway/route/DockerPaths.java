package dev.berth.gateway.route;

import java.util.regex.Pattern;

/**
 * The Docker Engine API paths Berth serves, each with the optional {@code /vX.Y} prefix clients
 * send (§1.1 of {@code shared/reference/docker-engine-api.md}); matched against the raw path, so
 * image names with escaped slashes are left as they were sent.
 */
public final class DockerPaths {

  private static final String VERSION = "(/v\\d+\\.\\d+)?";

  /** Containers, exec, events, info, version, ping and system: engine-service. */
  public static final Pattern ENGINE =
      Pattern.compile(VERSION + "/((containers|exec|system)(/.*)?|events|info|version|_ping)");

  /** Images, build, auth, commit and distribution: image-service. */
  public static final Pattern IMAGE =
      Pattern.compile(VERSION + "/((images|distribution)(/.*)?|build|auth|commit)");

  /** The two requests Docker clients hijack with {@code Upgrade: tcp} (§4.4): attach and exec start. */
  public static final Pattern HIJACK =
      Pattern.compile(VERSION + "/(containers/[^/?]+/attach|exec/[^/?]+/start)(\\?.*)?");

  private DockerPaths() {
  }
}
