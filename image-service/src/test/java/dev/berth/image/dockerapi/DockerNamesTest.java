package dev.berth.image.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.ImageException;
import dev.berth.image.ImageProperties;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DockerNamesTest {

  private final DockerNames names = new DockerNames(
      new ImageProperties("127.0.0.1:5000", Set.of(), "linux/amd64", 3, Duration.ofMinutes(5), Map.of(),
          new ImageProperties.BlobSweep(Duration.ZERO, Duration.ofHours(24)), null));

  @Test
  void movesDockerHubNamesOntoTheDefaultRegistry() {
    assertThat(names.local("docker.io/library/httpd")).isEqualTo("127.0.0.1:5000/library/httpd:latest");
    assertThat(names.local("index.docker.io/team/app:1")).isEqualTo("127.0.0.1:5000/team/app:1");
    assertThat(names.reference("docker.io/library/alpine").toString()).isEqualTo("127.0.0.1:5000/library/alpine:latest");
  }

  @Test
  void leavesOtherNamesAndIdsAsGiven() {
    assertThat(names.local("httpd")).isEqualTo("httpd");
    assertThat(names.local("localhost:5001/team/app:1")).isEqualTo("localhost:5001/team/app:1");
    assertThat(names.local("sha256:83f1cc16f286")).isEqualTo("sha256:83f1cc16f286");
  }

  @Test
  void refusesAMalformedReference() {
    assertThatThrownBy(() -> names.reference("Upper/Case")).isInstanceOf(ImageException.InvalidArgument.class)
        .hasMessageStartingWith("invalid reference format");
  }

  @Test
  void takesTheRegistryOfALoginServerAddress() {
    assertThat(names.registry("127.0.0.1:5001")).isEqualTo("127.0.0.1:5001");
    assertThat(names.registry("http://localhost:5001/v2/")).isEqualTo("localhost:5001");
    assertThat(names.registry("https://index.docker.io/v1/")).isEqualTo("127.0.0.1:5000");
    assertThat(names.registry(null)).isEqualTo("127.0.0.1:5000");
  }
}
