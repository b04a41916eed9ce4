package dev.berth.oci.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

  @Test
  void asksTheRealmForEachScopeInItsOwnParameter() {
    URI uri = Authenticator.tokenUri(URI.create("https://auth.docker.io/token"), "registry.docker.io",
        List.of(Scope.push("team/app"), Scope.pull("library/httpd")));

    assertThat(uri).hasToString("https://auth.docker.io/token?service=registry.docker.io"
        + "&scope=repository%3Ateam%2Fapp%3Apull%2Cpush&scope=repository%3Alibrary%2Fhttpd%3Apull");
  }

  @Test
  void keepsTheRealmsOwnQueryAndOmitsAnAbsentService() {
    URI uri = Authenticator.tokenUri(URI.create("https://h/service/token?account=x"), null, List.of(Scope.pull("a")));

    assertThat(uri).hasToString("https://h/service/token?account=x&scope=repository%3Aa%3Apull");
    assertThat(Authenticator.tokenUri(URI.create("https://h/token"), null, List.of())).hasToString("https://h/token");
  }
}
