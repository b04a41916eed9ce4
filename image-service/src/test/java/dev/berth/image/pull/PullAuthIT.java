package dev.berth.image.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.berth.testsupport.TestImages;
import dev.berth.testsupport.TokenServer.TokenRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pulls from a distribution registry that requires token authentication (the Bearer flow of the
 * token spec), with the credentials image-service has for it and without any.
 */
class PullAuthIT extends AbstractPullIT {

  private static TokenAuthRegistry registry;

  @BeforeAll
  static void pushPrivateImage() throws Exception {
    registry = TokenAuthRegistry.get().orElseThrow();
    Path layout = TestImages.busybox(Files.createTempDirectory("berth-auth-it").resolve("layout"), "v1",
        "private " + UUID.randomUUID());
    TestImages.push(layout, "v1", registry.address(), "private/app",
        "--dest-creds=" + TokenAuthRegistry.USER + ":" + TokenAuthRegistry.PASSWORD);
  }

  @Test
  void pullsWithATokenForTheConfiguredCredentials() throws Exception {
    String name = registry.address() + "/private/app:v1";

    pullSuccessfully(name);

    assertThat(inspect(name).get("repoTags").toString()).isEqualTo("[\"" + name + "\"]");
    assertThat(registry.tokens().requests()).extracting(TokenRequest::user, TokenRequest::scopes)
        .contains(tuple(TokenAuthRegistry.USER, List.of("repository:private/app:pull")));
  }

  @Test
  void refusesAPullWithoutCredentialsAsUnauthorized() throws Exception {
    String port = registry.address().substring(registry.address().indexOf(':') + 1);
    String anonymous = "localhost:" + port + "/private/app:v1";

    Pull pull = pull(anonymous);

    assertThat(pull.status()).isEqualTo(401);
    assertThat(pull.body()).contains("pull access denied for " + anonymous,
        "authentication required and there are no credentials for localhost:" + port);
    assertThat(get("/api/v1/images/" + anonymous).statusCode()).isEqualTo(404);
  }
}
