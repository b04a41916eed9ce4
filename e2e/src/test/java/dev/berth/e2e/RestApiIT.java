package dev.berth.e2e;

import static dev.berth.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.e2e.stack.BerthStack;
import dev.berth.e2e.stack.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed scenario through the native REST API with curl, all through the gateway: pull httpd
 * into the image store, create a container publishing port 80 on 8021, start it, fetch its page,
 * list and inspect it, stop and remove it.
 */
@Order(2)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RestApiIT {

  @RegisterExtension
  static final BerthStack stack = BerthStack.shared();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String API = "http://" + BerthStack.GATEWAY + "/api/v1";

  @Test
  void runsHttpdThroughTheNativeApi() throws Exception {
    String progress = curl("-X", "POST", API + "/images/pull?reference=httpd");
    assertThat(progress).contains("httpd:latest").doesNotContainIgnoringCase("\"error\"");
    assertThat(curl(API + "/images")).contains("httpd:latest");

    JsonNode created = JSON.readTree(curl("-X", "POST", "-H", "Content-Type: application/json", API + "/containers",
        "-d", """
            {"name":"rest-web","image":"httpd","host":{"networkMode":"bridge",
             "ports":[{"containerPort":80,"protocol":"tcp","hostIp":"","hostPort":8021}]}}"""));
    String id = created.path("id").asString();
    assertThat(id).matches("[0-9a-f]{64}");
    assertThat(JSON.readTree(curl("-X", "POST", API + "/containers/rest-web/start")).path("state").asString())
        .isEqualTo("running");

    assertThat(eventually(() -> curlQuietly("http://127.0.0.1:8021/"), page -> page.contains("It works!")))
        .contains("It works!");
    assertThat(curl(API + "/containers")).contains(id);
    assertThat(JSON.readTree(curl(API + "/containers/" + id)).path("name").asString()).isEqualTo("rest-web");

    assertThat(JSON.readTree(curl("-X", "POST", API + "/containers/rest-web/stop?timeout=1")).path("state")
        .asString()).isEqualTo("exited");
    curl("-X", "DELETE", API + "/containers/rest-web");
    assertThat(curlStatus(API + "/containers/rest-web")).isEqualTo("404");
  }

  /** curl's body of a request that must succeed (curl --fail). */
  private static String curl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--fail-with-body"));
    command.addAll(List.of(args));
    return Cli.run(command, Map.of(), null, Duration.ofMinutes(3)).assertSucceeded().stdout();
  }

  private static String curlStatus(String url) throws IOException, InterruptedException {
    return Cli.run(List.of("curl", "--silent", "--output", "/dev/null", "--write-out", "%{http_code}", url),
        Map.of(), null, Duration.ofMinutes(1)).stdout();
  }

  private static String curlQuietly(String url) {
    try {
      return Cli.run(List.of("curl", "--silent", "--max-time", "5", url), Map.of(), null, Duration.ofSeconds(10))
          .stdout();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
