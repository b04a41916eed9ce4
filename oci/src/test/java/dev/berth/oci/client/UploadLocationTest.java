package dev.berth.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.oci.Digest;
import java.net.URI;
import org.junit.jupiter.api.Test;

class UploadLocationTest {

  private static final URI POST = URI.create("http://127.0.0.1:5000/v2/foo/bar/blobs/uploads/");
  private static final Digest DIGEST =
      Digest.parse("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  @Test
  void resolvesARelativeLocationAgainstTheRequestKeepingItsQuery() throws Exception {
    UploadLocation location = UploadLocation.resolve(POST, "/v2/foo/bar/blobs/uploads/uuid-1?_state=abc%3D%3D&x=1");

    assertThat(location.uri()).hasToString("http://127.0.0.1:5000/v2/foo/bar/blobs/uploads/uuid-1?_state=abc%3D%3D&x=1");
  }

  @Test
  void resolvesAPathRelativeLocation() throws Exception {
    assertThat(UploadLocation.resolve(POST, "uuid-2").uri())
        .hasToString("http://127.0.0.1:5000/v2/foo/bar/blobs/uploads/uuid-2");
  }

  @Test
  void keepsAnAbsoluteLocationOnAnotherHost() throws Exception {
    String absolute = "https://uploads.example.com/session/42?sig=a%2Bb&exp=1";

    assertThat(UploadLocation.resolve(POST, absolute).uri()).hasToString(absolute);
  }

  @Test
  void addsTheDigestToTheExistingQuery() throws Exception {
    UploadLocation withQuery = UploadLocation.resolve(POST, "/v2/foo/bar/blobs/uploads/u?_state=s");
    UploadLocation without = UploadLocation.resolve(POST, "/v2/foo/bar/blobs/uploads/u");
    UploadLocation emptyQuery = UploadLocation.resolve(POST, "/v2/foo/bar/blobs/uploads/u?");

    assertThat(withQuery.withDigest(DIGEST)).hasToString(
        "http://127.0.0.1:5000/v2/foo/bar/blobs/uploads/u?_state=s&digest=sha256%3A" + DIGEST.encoded());
    assertThat(without.withDigest(DIGEST).getQuery()).isEqualTo("digest=" + DIGEST);
    assertThat(emptyQuery.withDigest(DIGEST).getQuery()).isEqualTo("digest=" + DIGEST);
  }

  @Test
  void rejectsAMissingOrMalformedLocation() {
    assertThatThrownBy(() -> UploadLocation.resolve(POST, null)).isInstanceOf(RegistryException.class)
        .hasMessageContaining("no Location");
    assertThatThrownBy(() -> UploadLocation.resolve(POST, "http://bad host/")).isInstanceOf(RegistryException.class)
        .hasMessageContaining("not a URI");
  }
}
