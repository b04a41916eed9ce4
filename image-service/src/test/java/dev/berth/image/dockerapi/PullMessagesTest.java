package dev.berth.image.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.progress.Progress;
import dev.berth.oci.OciJson;
import dev.berth.oci.Reference;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PullMessagesTest {

  private final PullMessages messages = new PullMessages(Reference.parse("127.0.0.1:5000/mytest:1", "docker.io"));

  @Test
  void rendersSizesAsGoUnitsHumanSizeDoes() {
    assertThat(JsonMessages.humanSize(0)).isEqualTo("0B");
    assertThat(JsonMessages.humanSize(999)).isEqualTo("999B");
    assertThat(JsonMessages.humanSize(1000)).isEqualTo("1kB");
    assertThat(JsonMessages.humanSize(3678)).isEqualTo("3.678kB");
    assertThat(JsonMessages.humanSize(300293)).isEqualTo("300.3kB");
    assertThat(JsonMessages.humanSize(2_500_000)).isEqualTo("2.5MB");
    assertThat(JsonMessages.humanSize(999_960)).isEqualTo("1000kB");
  }

  @Test
  void rendersTheProgressBarAsDockerdSendsIt() {
    assertThat(JsonMessages.bar(3678, 300293)).isEqualTo("[>" + " ".repeat(50) + "]  3.678kB/300.3kB");
    assertThat(JsonMessages.bar(150_000, 300_000)).isEqualTo("[" + "=".repeat(25) + ">" + " ".repeat(25) + "] "
        + "   150kB/300kB");
    assertThat(JsonMessages.bar(300_000, 300_000)).isEqualTo("[" + "=".repeat(50) + ">] " + "   300kB/300kB");
    assertThat(JsonMessages.bar(0, 0)).isEmpty();
  }

  @Test
  void namesTheRepositoryPathAndTagWhenThePullStarts() {
    assertThat(line(Progress.detail("1", Progress.Status.PULLING_FROM, "mytest")))
        .isEqualTo("{\"status\":\"Pulling from mytest\",\"id\":\"1\"}");
  }

  @Test
  void sendsLayerStepsWithAProgressDetail() {
    assertThat(line(Progress.of("4098f13a6613", Progress.Status.PULLING_FS_LAYER)))
        .isEqualTo("{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"4098f13a6613\"}");
    assertThat(line(new Progress("4098f13a6613", Progress.Status.DOWNLOADING, 3678, 300293, null)))
        .isEqualTo("{\"status\":\"Downloading\",\"progressDetail\":{\"current\":3678,\"total\":300293},"
            + "\"progress\":\"[>" + " ".repeat(50) + "]  3.678kB/300.3kB\",\"id\":\"4098f13a6613\"}");
    assertThat(line(Progress.of("4098f13a6613", Progress.Status.VERIFIED))).isEqualTo(
        "{\"status\":\"Verifying Checksum\",\"progressDetail\":{},\"id\":\"4098f13a6613\"}\n"
            + "{\"status\":\"Download complete\",\"progressDetail\":{},\"id\":\"4098f13a6613\"}");
    assertThat(line(Progress.of("ee7a995b5772", Progress.Status.ALREADY_EXISTS)))
        .contains("\"status\":\"Already exists\"", "\"progressDetail\":{}");
    assertThat(line(Progress.of("4098f13a6613", Progress.Status.PULL_COMPLETE))).contains("\"status\":\"Pull complete\"");
  }

  @Test
  void endsWithTheDigestAndTheStatusDockerJavaLooksFor() {
    assertThat(line(Progress.detail(null, Progress.Status.DIGEST, "sha256:1af7")))
        .isEqualTo("{\"status\":\"Digest: sha256:1af7\"}");
    assertThat(line(Progress.detail(null, Progress.Status.DOWNLOADED_NEWER_IMAGE, "127.0.0.1:5000/mytest:1")))
        .isEqualTo("{\"status\":\"Status: Downloaded newer image for 127.0.0.1:5000/mytest:1\"}");
    assertThat(line(Progress.detail(null, Progress.Status.IMAGE_IS_UP_TO_DATE, "bb:1")))
        .isEqualTo("{\"status\":\"Status: Image is up to date for bb:1\"}");
  }

  @Test
  void reportsAFailureInDetailAndAsLegacyError() {
    assertThat(OciJson.mapper().writeValueAsString(JsonMessage.error("unexpected EOF")))
        .isEqualTo("{\"errorDetail\":{\"message\":\"unexpected EOF\"},\"error\":\"unexpected EOF\"}");
  }

  private String line(Progress event) {
    return new String(messages.apply(event), StandardCharsets.UTF_8);
  }
}
