package dev.berth.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerPathsTest {

  @Test
  void sendsContainerExecAndSystemPathsToEngineServiceWithOrWithoutAVersion() {
    assertThat(DockerPaths.ENGINE.matcher("/v1.44/containers/json").matches()).isTrue();
    assertThat(DockerPaths.ENGINE.matcher("/containers/abc/wait").matches()).isTrue();
    assertThat(DockerPaths.ENGINE.matcher("/v1.32/exec/e1/start").matches()).isTrue();
    assertThat(DockerPaths.ENGINE.matcher("/_ping").matches()).isTrue();
    assertThat(DockerPaths.ENGINE.matcher("/v1.41/events").matches()).isTrue();
    assertThat(DockerPaths.ENGINE.matcher("/system/df").matches()).isTrue();
    assertThat(DockerPaths.ENGINE.matcher("/infos").matches()).isFalse();
    assertThat(DockerPaths.ENGINE.matcher("/v1.44/images/json").matches()).isFalse();
  }

  @Test
  void sendsImageBuildAuthCommitAndDistributionPathsToImageService() {
    assertThat(DockerPaths.IMAGE.matcher("/v1.32/images/127.0.0.1:5000%2Ftcpull:1/json").matches()).isTrue();
    assertThat(DockerPaths.IMAGE.matcher("/images/create").matches()).isTrue();
    assertThat(DockerPaths.IMAGE.matcher("/v1.44/build").matches()).isTrue();
    assertThat(DockerPaths.IMAGE.matcher("/auth").matches()).isTrue();
    assertThat(DockerPaths.IMAGE.matcher("/commit").matches()).isTrue();
    assertThat(DockerPaths.IMAGE.matcher("/distribution/busybox/json").matches()).isTrue();
    assertThat(DockerPaths.IMAGE.matcher("/builds").matches()).isFalse();
  }

  @Test
  void hijacksOnlyAttachAndExecStart() {
    assertThat(DockerPaths.HIJACK.matcher("/v1.44/containers/c1/attach?stream=1&stdin=1").matches()).isTrue();
    assertThat(DockerPaths.HIJACK.matcher("/exec/e1/start").matches()).isTrue();
    assertThat(DockerPaths.HIJACK.matcher("/containers/c1/attach/ws").matches()).isFalse();
    assertThat(DockerPaths.HIJACK.matcher("/containers/c1/start").matches()).isFalse();
  }

  @Test
  void tellsTheProtocolOfAPathForTheGatewaysOwnErrors() {
    assertThat(Protocol.of("/v2/")).isEqualTo(Protocol.OCI);
    assertThat(Protocol.of("/v2")).isEqualTo(Protocol.OCI);
    assertThat(Protocol.of("/v2/library/busybox/blobs/uploads/")).isEqualTo(Protocol.OCI);
    assertThat(Protocol.of("/api/v1/containers")).isEqualTo(Protocol.NATIVE);
    assertThat(Protocol.of("/actuator/health")).isEqualTo(Protocol.NATIVE);
    assertThat(Protocol.of("/swagger-ui.html")).isEqualTo(Protocol.NATIVE);
    assertThat(Protocol.of("/v1.44/plugins")).isEqualTo(Protocol.DOCKER);
    assertThat(Protocol.of("/v20/x")).isEqualTo(Protocol.DOCKER);
    assertThat(Protocol.of("/apis")).isEqualTo(Protocol.DOCKER);
  }
}
