package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden cases modelled on distribution/reference's normalize_test.go and reference_test.go; with
 * {@code docker.io} as the default registry the results must be what the Docker CLI shows.
 */
class ReferenceTest {

  private static final String HUB = "docker.io";
  private static final String BERTH = "registry.berth.test:5000";
  private static final String SHA256 = "sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
  private static final String SHA512 = "sha512:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // input                                  | registry            | repository             | tag
      "test_com                                 | docker.io           | library/test_com       | latest",
      "test.com:tag                             | docker.io           | library/test.com       | tag",
      "test.com:5000                            | docker.io           | library/test.com       | 5000",
      "test.com/repo:tag                        | test.com            | repo                   | tag",
      "test:5000/repo                           | test:5000           | repo                   | latest",
      "test:5000/repo:tag                       | test:5000           | repo                   | tag",
      "lowercase:Uppercase                      | docker.io           | library/lowercase      | Uppercase",
      "sub-dom1.foo.com/bar/baz/quux            | sub-dom1.foo.com    | bar/baz/quux           | latest",
      "sub-dom1.foo.com/bar/baz/quux:some-long-tag | sub-dom1.foo.com | bar/baz/quux           | some-long-tag",
      "b.gcr.io/test.example.com/my-app:test.example.com | b.gcr.io    | test.example.com/my-app | test.example.com",
      "xn--n3h.com/myimage:xn--n3h.com          | xn--n3h.com         | myimage                | xn--n3h.com",
      "foo_bar.com:8080                         | docker.io           | library/foo_bar.com    | 8080",
      "foo/foo_bar.com:8080                     | docker.io           | foo/foo_bar.com        | 8080",
      "192.168.1.1                              | docker.io           | library/192.168.1.1    | latest",
      "192.168.1.1:tag                          | docker.io           | library/192.168.1.1    | tag",
      "192.168.1.1:5000                         | docker.io           | library/192.168.1.1    | 5000",
      "192.168.1.1/repo                         | 192.168.1.1         | repo                   | latest",
      "192.168.1.1:5000/repo                    | 192.168.1.1:5000    | repo                   | latest",
      "192.168.1.1:5000/repo:5050               | 192.168.1.1:5000    | repo                   | 5050",
      "[2001:db8::1]/repo                       | [2001:db8::1]       | repo                   | latest",
      "[2001:db8:1:2:3:4:5:6]/repo:tag          | [2001:db8:1:2:3:4:5:6] | repo                | tag",
      "[2001:db8::1]:5000/repo                  | [2001:db8::1]:5000  | repo                   | latest",
      "[2001:db8::1]:5000/repo:tag              | [2001:db8::1]:5000  | repo                   | tag",
      "[2001:db8::]:5000/repo                   | [2001:db8::]:5000   | repo                   | latest",
      "[::1]:5000/repo                          | [::1]:5000          | repo                   | latest",
      "test-com:8080/foo                        | test-com:8080       | foo                    | latest",
      "xn--n3h.com:18080/foo                    | xn--n3h.com:18080   | foo                    | latest",
      "docker/migrator                          | docker.io           | docker/migrator        | latest",
      "docker.io/foo                            | docker.io           | library/foo            | latest",
      "docker.io/library/foo/bar                | docker.io           | library/foo/bar        | latest",
      "index.docker.io/debian                   | docker.io           | library/debian         | latest",
      "localhost/foo                            | localhost           | foo                    | latest",
      "localhost:5000/foo/bar:1.0               | localhost:5000      | foo/bar                | 1.0",
      "docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a | docker.io | library/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a | latest",
  })
  void splitsRegistryRepositoryAndTagLikeDocker(String input, String registry, String repository, String tag) {
    Reference reference = Reference.parse(input, HUB);

    assertThat(reference.registry()).isEqualTo(registry);
    assertThat(reference.repository()).isEqualTo(repository);
    assertThat(reference.tag()).isEqualTo(tag);
    assertThat(reference.digest()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "docker/docker", "library/debian", "debian", "docker.io/docker/docker", "docker.io/library/debian",
      "docker.io/debian", "index.docker.io/docker/docker", "index.docker.io/library/debian",
      "index.docker.io/debian", "127.0.0.1:5000/docker/docker", "127.0.0.1:5000/library/debian",
      "127.0.0.1:5000/debian", "192.168.0.1", "192.168.0.1:80", "192.168.0.1:8/debian",
      "192.168.0.2:25000/debian", "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev",
      "[fc00::1]:5000/docker", "[fc00::1]:5000/docker/docker", "[fc00:1:2:3:4:5:6:7]:5000/library/debian",
      "docker-rules/docker", "docker---rules/docker", "doc/docker", "d/docker", "jess/t", "dock__er/docker"})
  void acceptsTheNamesDistributionAccepts(String input) {
    assertThat(Reference.parse(input, HUB).toString()).startsWith(Reference.parse(input, HUB).name());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "", " ", "https://github.com/docker/docker", "docker/Docker", "-docker", "-docker/docker",
      "-docker.io/docker/docker", "docker///docker", "docker.io/docker/Docker", "docker.io/docker///docker",
      "[fc00::1]", "[fc00::1]:5000", "fc00::1:5000/debian", "[fe80::1%eth0]:5000/debian",
      "[2001:db8:3:4::192.0.2.33]:5000/debian", "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
      "docker-/docker", "-docker-/docker", "____/____", "_docker/_docker", "dock..er/docker", "dock_.er/docker",
      "dock-.er/docker", "docker/", ":justtag", "@" + SHA256, "repo@sha256:ffffffffffffffffffffffffffffffffff",
      "validname@invaliddigest:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
      "Uppercase:tag", "test:5000/Uppercase/lowercase:tag", "aa/asdf$$^/aa", "[2001:db8::1]:tag",
      "[fe80::1%@invalidzone]:5000/repo", "HTTPD", "foo bar", "foo/../bar", "foo/./bar", "foo:", "foo@",
      "foo:bad tag", "foo:-dash", "foo:.dot", "foo@sha256:abc", "foo@SHA256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "foo/ bar",
      "localhost:/foo", "Docker/docker", "DOCKER/docker"})
  void rejectsMalformedReferences(String input) {
    assertThatThrownBy(() -> Reference.parse(input, HUB))
        .isInstanceOf(InvalidReferenceException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid reference");
  }

  @Test
  void rejectsNamesLongerThan255Characters() {
    String tooLong = "a/".repeat(128) + "a:tag";
    String longest = "localhost/" + "a".repeat(245);

    assertThatThrownBy(() -> Reference.parse(tooLong, HUB)).hasMessageContaining("longer than 255");
    assertThat(Reference.parse(longest, HUB).name()).hasSize(255);
    assertThatThrownBy(() -> Reference.parse(longest + "a", HUB)).hasMessageContaining("longer than 255");
    assertThatThrownBy(() -> Reference.parse(
        "this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_".repeat(4) + "/docker", HUB))
        .isInstanceOf(InvalidReferenceException.class);
  }

  @Test
  void acceptsTagsOfUpTo128Characters() {
    assertThat(Reference.parse("foo:" + "t".repeat(128), HUB).tag()).hasSize(128);
    assertThatThrownBy(() -> Reference.parse("foo:" + "t".repeat(129), HUB)).hasMessageContaining("invalid tag");
  }

  @Test
  void explainsWhyAReferenceIsRejected() {
    assertThatThrownBy(() -> Reference.parse("Httpd", HUB))
        .hasMessage("invalid reference \"Httpd\": repository name \"library/Httpd\" must be lowercase");
    assertThatThrownBy(() -> Reference.parse("foo@sha256:abc", HUB))
        .hasMessageContaining("invalid digest \"sha256:abc\"");
    assertThatThrownBy(() -> Reference.parse("", HUB)).hasMessageContaining("empty reference");
    assertThatThrownBy(() -> Reference.parse(null, HUB)).isInstanceOf(InvalidReferenceException.class);
    assertThatThrownBy(() -> Reference.parse(
        "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a", HUB))
        .hasMessageContaining("64-character hexadecimal");
    assertThatThrownBy(() -> Reference.parse("foo", "not a host"))
        .hasMessageContaining("invalid default registry");
  }

  @Test
  void keepsTagAndDigestTogether() {
    Reference reference = Reference.parse("test:5000/repo:tag@" + SHA256, HUB);

    assertThat(reference.tag()).isEqualTo("tag");
    assertThat(reference.digest()).isEqualTo(Digest.parse(SHA256));
    assertThat(reference).hasToString("test:5000/repo:tag@" + SHA256);
    assertThat(reference.manifestReference()).isEqualTo(SHA256);
  }

  @Test
  void defaultsTheTagToLatestOnlyWithoutDigest() {
    Reference byDigest = Reference.parse("redis@" + SHA256, HUB);
    Reference sha512 = Reference.parse("xn--7o8h.com/myimage:xn--7o8h.com@" + SHA512, HUB);

    assertThat(byDigest.tag()).isNull();
    assertThat(byDigest).hasToString("docker.io/library/redis@" + SHA256);
    assertThat(Reference.parse("redis", HUB)).hasToString("docker.io/library/redis:latest");
    assertThat(sha512.digest().algorithm()).isEqualTo(DigestAlgorithm.SHA512);
    assertThat(sha512.tag()).isEqualTo("xn--7o8h.com");
  }

  static Stream<Arguments> repositoryInfo() {
    return Stream.of(
        Arguments.of("fooo/bar", "docker.io/fooo/bar", "index.docker.io/fooo/bar"),
        Arguments.of("ubuntu", "docker.io/library/ubuntu", "library/ubuntu"),
        Arguments.of("nonlibrary/ubuntu", "docker.io/nonlibrary/ubuntu", null),
        Arguments.of("other/library", "docker.io/other/library", null),
        Arguments.of("127.0.0.1:8000/private/moonbase", "127.0.0.1:8000/private/moonbase", null),
        Arguments.of("127.0.0.1:8000/privatebase", "127.0.0.1:8000/privatebase", null),
        Arguments.of("example.com/private/moonbase", "example.com/private/moonbase", null),
        Arguments.of("example.com/privatebase", "example.com/privatebase", null),
        Arguments.of("example.com:8000/private/moonbase", "example.com:8000/private/moonbase", null),
        Arguments.of("example.com:8000/privatebasee", "example.com:8000/privatebasee", null),
        Arguments.of("ubuntu-12.04-base", "docker.io/library/ubuntu-12.04-base",
            "index.docker.io/library/ubuntu-12.04-base"),
        Arguments.of("foo", "docker.io/library/foo", "docker.io/foo"),
        Arguments.of("library/foo/bar", "docker.io/library/foo/bar", null),
        Arguments.of("store/foo/bar", "docker.io/store/foo/bar", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repositoryInfo")
  void normalizesFamiliarFullAndAmbiguousNamesAlike(String familiar, String full, String ambiguous) {
    for (String input : ambiguous == null ? new String[] {familiar, full} : new String[] {familiar, full, ambiguous}) {
      Reference reference = Reference.parse(input, HUB);
      assertThat(reference.name()).as(input).isEqualTo(full);
      assertThat(reference.familiarName(HUB)).as(input).isEqualTo(familiar);
    }
  }

  @Test
  void resolvesFamiliarNamesAgainstTheDefaultRegistry() {
    Reference httpd = Reference.parse("httpd", BERTH);

    assertThat(httpd).hasToString(BERTH + "/library/httpd:latest");
    assertThat(Reference.parse(BERTH + "/httpd", BERTH)).isEqualTo(httpd);
    assertThat(Reference.parse(BERTH + "/library/httpd:latest", BERTH)).isEqualTo(httpd);
    assertThat(httpd.familiarName(BERTH)).isEqualTo("httpd");
    assertThat(httpd.familiarString(BERTH)).isEqualTo("httpd:latest");
    assertThat(Reference.parse("team/app:1.0", BERTH)).hasToString(BERTH + "/team/app:1.0");
    assertThat(Reference.parse("team/app:1.0", BERTH).familiarString(BERTH)).isEqualTo("team/app:1.0");
    assertThat(Reference.parse("httpd", "localhost:5000")).hasToString("localhost:5000/library/httpd:latest");
  }

  @Test
  void keepsDockerHubNamesQualifiedWhenAnotherRegistryIsTheDefault() {
    Reference hub = Reference.parse("docker.io/httpd:2.4", BERTH);

    assertThat(hub).hasToString("docker.io/library/httpd:2.4");
    assertThat(Reference.parse("index.docker.io/library/httpd:2.4", BERTH)).isEqualTo(hub);
    assertThat(hub.familiarString(BERTH)).isEqualTo("docker.io/library/httpd:2.4");
    assertThat(hub.familiarString(HUB)).isEqualTo("httpd:2.4");
    assertThat(Reference.parse("localhost/foo", BERTH).familiarName(BERTH)).isEqualTo("localhost/foo");
  }

  @Test
  void showsTheRegistryWhenTheFamiliarNameWouldReadAsAnotherRegistry() {
    Reference onDefault = new Reference(BERTH, "test.example.com/my-app", "1", null);

    assertThat(onDefault.familiarName(BERTH)).isEqualTo(BERTH + "/test.example.com/my-app");
    assertThat(Reference.parse(onDefault.familiarString(BERTH), BERTH)).isEqualTo(onDefault);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "httpd", "httpd:2.4", "team/app", "library/foo/bar", "docker.io/httpd", "localhost:5000/a/b:c",
      "[::1]:5000/repo@" + SHA256, "quay.io/coreos/etcd:v3.5.0@" + SHA256, "registry.berth.test:5000/x/y:z"})
  void parsesItsFamiliarAndCanonicalFormsBack(String input) {
    for (String home : new String[] {HUB, BERTH}) {
      Reference reference = Reference.parse(input, home);
      assertThat(Reference.parse(reference.toString(), home)).isEqualTo(reference);
      assertThat(Reference.parse(reference.familiarString(home), home)).isEqualTo(reference);
    }
  }

  @Test
  void replacesTagAndDigest() {
    Reference reference = Reference.parse("test.com:8000/foo", HUB);
    Digest digest = Digest.parse(SHA256);

    assertThat(reference.withTag("TAG5")).hasToString("test.com:8000/foo:TAG5");
    assertThat(reference.withDigest(digest)).hasToString("test.com:8000/foo:latest@" + SHA256);
    assertThat(reference.withTag(null).withDigest(digest)).hasToString("test.com:8000/foo@" + SHA256);
    assertThat(reference.repositoryOnly()).hasToString("test.com:8000/foo");
    assertThatThrownBy(() -> reference.withTag("-foo")).isInstanceOf(InvalidReferenceException.class);
    assertThatThrownBy(() -> reference.repositoryOnly().manifestReference()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void validatesWhenConstructedDirectly() {
    assertThatThrownBy(() -> new Reference("bad host", "foo", null, null)).hasMessageContaining("registry host");
    assertThatThrownBy(() -> new Reference(HUB, "Foo", null, null)).hasMessageContaining("lowercase");
    assertThatThrownBy(() -> new Reference(HUB, "", null, null)).hasMessageContaining("empty repository");
    assertThatThrownBy(() -> new Reference(null, "foo", null, null)).isInstanceOf(InvalidReferenceException.class);
  }
}
