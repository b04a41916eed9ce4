package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ImageConfigTest {

  @Test
  void readsDockerAndOciConfigFields() throws IOException {
    ImageConfig config;
    try (InputStream in = getClass().getResourceAsStream("/golden/image-config.json")) {
      config = OciJson.mapper().readValue(in, ImageConfig.class);
    }

    assertThat(config.os()).isEqualTo("linux");
    assertThat(config.architecture()).isEqualTo("amd64");
    assertThat(config.config().cmd()).containsExactly("httpd", "-f", "-p", "80", "-h", "/www");
    assertThat(config.config().entrypoint()).isNull();
    assertThat(config.config().exposedPorts()).containsOnlyKeys("80/tcp");
    assertThat(config.config().labels()).containsEntry("org.example", "yes");
    assertThat(config.diffIds()).hasSize(2);
    assertThat(config.history()).extracting(ImageConfig.History::emptyLayer).containsExactly(null, true);
  }

  @Test
  void aConfigWithoutRootfsHasNoDiffIds() {
    ImageConfig config = OciJson.mapper().readValue("{\"os\":\"linux\"}", ImageConfig.class);

    assertThat(config.diffIds()).isEmpty();
    assertThat(config.history()).isEmpty();
  }
}
