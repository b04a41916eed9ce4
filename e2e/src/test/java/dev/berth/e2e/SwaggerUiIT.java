package dev.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.e2e.stack.BerthStack;
import dev.berth.e2e.stack.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gateway's aggregated Swagger UI in headless Chromium (Debian's): the page renders, its
 * definition selector lists every service, and a screenshot is kept under
 * {@code target/swagger-ui.png}.
 */
@Order(4)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SwaggerUiIT {

  @RegisterExtension
  static final BerthStack stack = BerthStack.shared();

  private static final String PAGE = "http://" + BerthStack.GATEWAY + "/swagger-ui.html";

  @Test
  void listsEveryServiceAndRendersTheSelectedOne() throws Exception {
    Path screenshot = Path.of("target", "swagger-ui.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);

    String dom = chromium("--dump-dom", PAGE).assertSucceeded().stdout();
    chromium("--screenshot=" + screenshot, "--window-size=1280,1600", PAGE).assertSucceeded();

    assertThat(dom).contains("swagger-ui").contains("engine-service").contains("image-service")
        .contains("registry-service");
    assertThat(dom).as("the selected definition's operations rendered").contains("opblock");
    assertThat(screenshot).isNotEmptyFile();
  }

  private static Cli.Result chromium(String... args) throws Exception {
    Path profile = Files.createTempDirectory("chromium");
    List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + profile, "--virtual-time-budget=15000"));
    command.addAll(List.of(args));
    return Cli.run(command, Map.of(), null, Duration.ofMinutes(2));
  }
}
