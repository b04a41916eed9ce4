package dev.berth.image.dockerapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.berth.oci.OciJson;
import dev.berth.oci.client.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * Docker's AuthConfig: the body of {@code POST /auth}, and base64url JSON in the
 * {@code X-Registry-Auth} header of pulls ({@code e30=}, i.e. {@code {}}, when there are no
 * credentials). Its {@code email} is ignored as dockerd ignores it, and so is {@code registrytoken}
 * (a bearer token to send as is): the registry client always obtains tokens itself.
 *
 * @param username the user name
 * @param password the password
 * @param auth {@code base64(username:password)}, what the CLI stores after a login
 * @param serveraddress the registry to log in to
 * @param identitytoken a token a registry handed out at login, used as the password
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AuthConfig(String username, String password, String auth, String serveraddress, String identitytoken) {

  /** The user name Docker's credential helpers give identity tokens. */
  static final String TOKEN_USER = "<token>";

  /**
   * The credentials an {@code X-Registry-Auth} value carries: base64url (standard base64 also
   * accepted, padding optional) of an AuthConfig. Empty when there is none or it cannot be read;
   * dockerd ignores unreadable values on pulls too.
   */
  static Optional<Credentials> credentialsOf(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    return decode(header.strip()).flatMap(json -> {
      try {
        return OciJson.mapper().readValue(json, AuthConfig.class).credentials();
      } catch (JacksonException e) {
        return Optional.empty();
      }
    });
  }

  /** Username and password, else those in {@code auth}, else the identity token; empty when none is given. */
  Optional<Credentials> credentials() {
    if (present(username) && password != null) {
      return Optional.of(new Credentials(username, password));
    }
    Optional<Credentials> pair = present(auth) ? decode(auth.strip()).flatMap(AuthConfig::userAndPassword)
        : Optional.empty();
    if (pair.isPresent() || !present(identitytoken)) {
      return pair;
    }
    return Optional.of(new Credentials(present(username) ? username : TOKEN_USER, identitytoken));
  }

  private static Optional<Credentials> userAndPassword(byte[] bytes) {
    String pair = new String(bytes, StandardCharsets.UTF_8);
    int colon = pair.indexOf(':');
    return colon > 0 ? Optional.of(new Credentials(pair.substring(0, colon), pair.substring(colon + 1)))
        : Optional.empty();
  }

  private static Optional<byte[]> decode(String base64) {
    try {
      return Optional.of(Base64.getUrlDecoder().decode(base64));
    } catch (IllegalArgumentException notUrlSafe) {
      try {
        return Optional.of(Base64.getDecoder().decode(base64));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isEmpty();
  }
}
