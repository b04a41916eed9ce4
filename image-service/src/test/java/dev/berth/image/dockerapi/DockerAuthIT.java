package dev.berth.image.dockerapi;

import static dev.berth.image.dockerapi.DockerClient.json;
import static dev.berth.image.dockerapi.DockerClient.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.testsupport.DistributionRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code docker login} and pulls with {@code X-Registry-Auth} against a registry requiring Basic credentials. */
class DockerAuthIT extends AbstractImageServiceIT {

  /** {@code basic-user:basic-pass}, bcrypt at cost 5 (distribution's htpasswd accepts only bcrypt). */
  private static final String HTPASSWD = "basic-user:$2b$05$KSYLd81XkQ9z4Kq9eL3KL.KnezPAzDFBNQnGD4ioEUgnccuFLQclu\n";

  private static DistributionRegistry secured;

  private DockerClient docker;

  @BeforeAll
  static void startSecuredRegistry() throws Exception {
    Path htpasswd = Files.writeString(Files.createTempDirectory("htpasswd").resolve("htpasswd"), HTPASSWD);
    secured = DistributionRegistry.start("""
        auth:
          htpasswd:
            realm: berth-basic
            path: %s
        """.formatted(htpasswd));
  }

  @AfterAll
  static void stopSecuredRegistry() {
    if (secured != null) {
      secured.close();
    }
  }

  @BeforeEach
  void client() {
    docker = new DockerClient(http, port);
  }

  @Test
  void logsInWithCredentialsTheRegistryAccepts() {
    HttpResponse<String> login = docker.postJson("/v1.41/auth", login("basic-pass"));

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(json(login).get("Status").asString()).isEqualTo("Login Succeeded");
    assertThat(json(login).get("IdentityToken").asString()).isEmpty();
  }

  @Test
  void refusesCredentialsTheRegistryRejectsAsUnauthorized() {
    HttpResponse<String> login = docker.postJson("/auth", login("wrong"));

    assertThat(login.statusCode()).isEqualTo(401);
    assertThat(login.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(json(login).get("message").asString())
        .isEqualTo("login attempt to http://" + secured.address() + "/v2/ failed with status: 401 Unauthorized");
  }

  @Test
  void pullsWithTheCredentialsOfXRegistryAuthOnly() {
    DockerClient.push(secured.address(), "dockerapi/secret", "1", "secret", "--dest-creds", "basic-user:basic-pass");
    String image = secured.address() + "/dockerapi/secret";
    String auth = Base64.getUrlEncoder().encodeToString(login("basic-pass").getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> anonymous = docker.pull(image, "1", DockerClient.NO_AUTH);
    HttpResponse<String> authenticated = docker.pull(image, "1", auth);
    HttpResponse<String> anonymousAgain = docker.pull(image, "1", DockerClient.NO_AUTH);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(json(anonymous).get("message").asString()).contains("pull access denied");
    assertThat(authenticated.statusCode()).isEqualTo(200);
    assertThat(messages(authenticated).getLast().get("status").asString())
        .isEqualTo("Status: Downloaded newer image for " + image + ":1");
    assertThat(anonymousAgain.statusCode()).isEqualTo(401);
  }

  private static String login(String password) {
    return "{\"username\":\"basic-user\",\"password\":\"" + password + "\",\"serveraddress\":\"" + secured.address()
        + "\"}";
  }
}
