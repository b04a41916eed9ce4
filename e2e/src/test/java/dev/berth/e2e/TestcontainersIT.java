package dev.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.e2e.stack.BerthStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Testcontainers pointed at the gateway ({@code DOCKER_HOST}, Ryuk disabled, both from the
 * failsafe environment): a {@code GenericContainer} of {@code httpd} with an exposed port and the
 * default wait strategy (a connect to the mapped port and an exec inside) starts, answers on the
 * mapped port and stops.
 */
@Order(3)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TestcontainersIT {

  @RegisterExtension
  static final BerthStack stack = BerthStack.shared();

  @Test
  void startsReachesAndStopsAnHttpdContainer() throws Exception {
    assertThat(DockerClientFactory.instance().isDockerAvailable()).isTrue();
    String id;
    try (GenericContainer<?> httpd = new GenericContainer<>("httpd").withExposedPorts(80)) {
      httpd.start();
      id = httpd.getContainerId();
      URI page = URI.create("http://" + httpd.getHost() + ":" + httpd.getMappedPort(80) + "/");
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).contains("It works!");
      assertThat(httpd.execInContainer("cat", "/www/index.html").getStdout()).contains("It works!");
    }
    assertThat(stack.docker().run("ps", "-a", "--no-trunc", "--format", "{{.ID}}").assertSucceeded().stdout())
        .doesNotContain(id);
  }
}
