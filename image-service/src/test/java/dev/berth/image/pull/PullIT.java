package dev.berth.image.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.testsupport.TestImages;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PullIT extends AbstractImageServiceIT {

  @Test
  void pullsAnImageOfTheDefaultRegistryByItsShortName() throws Exception {
    Path layout = TestImages.busybox(Files.createTempDirectory("layout"), "latest", "hello");
    TestImages.push(layout, "latest", REGISTRY.address(), "library/smoke");

    HttpResponse<String> pull = http.send(HttpRequest.newBuilder(uri("/api/v1/images/pull?reference=smoke"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(pull.statusCode()).isEqualTo(200);
    assertThat(pull.body().lines().toList().getLast()).contains("DOWNLOADED_NEWER_IMAGE", "smoke:latest");
    HttpResponse<String> inspect = http.send(HttpRequest.newBuilder(uri("/api/v1/images/smoke")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(inspect.statusCode()).isEqualTo(200);
    assertThat(inspect.body()).contains("\"repoTags\":[\"smoke:latest\"]");
  }
}
