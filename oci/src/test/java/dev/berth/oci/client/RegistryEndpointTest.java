package dev.berth.oci.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RegistryEndpointTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "localhost, http://localhost",
      "localhost:5000, http://localhost:5000",
      "127.0.0.1:5000, http://127.0.0.1:5000",
      "127.1.2.3, http://127.1.2.3",
      "[::1]:5000, http://[::1]:5000",
      "127.0.0.256:5000, https://127.0.0.256:5000",
      "localhost.example.com, https://localhost.example.com",
      "192.168.1.10:5000, https://192.168.1.10:5000",
      "ghcr.io, https://ghcr.io",
      "docker.io, https://registry-1.docker.io"})
  void usesPlainHttpOnlyForLoopback(String registry, String base) {
    assertThat(RegistryEndpoint.of(registry, false).baseUri()).hasToString(base);
  }

  @Test
  void usesPlainHttpForRegistriesMarkedInsecure() {
    assertThat(RegistryEndpoint.of("192.168.1.10:5000", true).baseUri()).hasToString("http://192.168.1.10:5000");
  }

  @Test
  void buildsTheSpecEndpoints() {
    RegistryEndpoint endpoint = RegistryEndpoint.of("localhost:5000", false);
    Digest digest = Digest.parse("sha256:" + "a".repeat(64));

    assertThat(endpoint.apiBase()).hasToString("http://localhost:5000/v2/");
    assertThat(endpoint.manifest("library/httpd", "latest"))
        .hasToString("http://localhost:5000/v2/library/httpd/manifests/latest");
    assertThat(endpoint.blob("a/b", digest)).hasToString("http://localhost:5000/v2/a/b/blobs/" + digest);
    assertThat(endpoint.uploads("a/b")).hasToString("http://localhost:5000/v2/a/b/blobs/uploads/");
    assertThat(endpoint.mount("a/b", digest, "c/d"))
        .hasToString("http://localhost:5000/v2/a/b/blobs/uploads/?mount=" + digest + "&from=c/d");
  }

  @Test
  void servesOnlyItsOwnSchemeHostAndPort() {
    RegistryEndpoint endpoint = RegistryEndpoint.of("ghcr.io", false);

    assertThat(endpoint.serves(URI.create("https://ghcr.io:443/v2/x"))).isTrue();
    assertThat(endpoint.serves(URI.create("https://GHCR.io/v2/x"))).isTrue();
    assertThat(endpoint.serves(URI.create("http://ghcr.io/v2/x"))).isFalse();
    assertThat(endpoint.serves(URI.create("https://pkg-containers.githubusercontent.com/x"))).isFalse();
  }
}
