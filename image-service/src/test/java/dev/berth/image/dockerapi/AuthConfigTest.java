package dev.berth.image.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.client.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthConfigTest {

  @Test
  void readsNoCredentialsFromAnEmptyObject() {
    assertThat(AuthConfig.credentialsOf("e30=")).isEmpty();
    assertThat(AuthConfig.credentialsOf(null)).isEmpty();
  }

  @Test
  void readsTheUsernameAndPasswordTheCliSends() {
    assertThat(AuthConfig.credentialsOf(
        "eyJ1c2VybmFtZSI6ImZvbyIsInBhc3N3b3JkIjoiYmFyIiwic2VydmVyYWRkcmVzcyI6IjEyNy4wLjAuMTo1MDAwIn0="))
        .contains(new Credentials("foo", "bar"));
  }

  @Test
  void acceptsMissingPaddingAndTheStandardAlphabet() {
    String json = "{\"username\":\"a?>\",\"password\":\"p~~\"}";
    String url = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    String standard = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));

    assertThat(url).containsAnyOf("-", "_");
    assertThat(standard).containsAnyOf("+", "/");
    assertThat(AuthConfig.credentialsOf(url)).contains(new Credentials("a?>", "p~~"));
    assertThat(AuthConfig.credentialsOf(standard)).contains(new Credentials("a?>", "p~~"));
  }

  @Test
  void readsTheAuthFieldAndIdentityTokens() {
    String auth = Base64.getEncoder().encodeToString("user:pa:ss".getBytes(StandardCharsets.UTF_8));

    assertThat(new AuthConfig(null, null, auth, null, null).credentials()).contains(new Credentials("user", "pa:ss"));
    assertThat(new AuthConfig(null, null, null, null, "tok").credentials())
        .contains(new Credentials(AuthConfig.TOKEN_USER, "tok"));
  }

  @Test
  void ignoresAnUnreadableHeaderAsDockerdDoesOnPulls() {
    assertThat(AuthConfig.credentialsOf("not base64!")).isEmpty();
    assertThat(AuthConfig.credentialsOf(Base64.getUrlEncoder().encodeToString("[1]".getBytes(StandardCharsets.UTF_8))))
        .isEmpty();
  }
}
