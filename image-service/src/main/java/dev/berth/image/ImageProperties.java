package dev.berth.image;

import dev.berth.oci.client.Credentials;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * image-service settings ({@code berth.image.*}, or {@code BERTH_IMAGE_*} variables).
 *
 * @param defaultRegistry the registry of names without one ({@code httpd} is
 *     {@code <default-registry>/library/httpd:latest}); Berth's registry-service by default
 * @param insecureRegistries registries reached over plain HTTP besides loopback ones
 * @param platform the platform pulled from a multi-platform index unless a request names one
 * @param maxConcurrentDownloads layers of one pull downloaded at the same time
 * @param requestTimeout how long a registry may take to answer one request
 * @param registries credentials per registry, keyed by the registry as image names spell it (host
 *     with port); keys with dots or colons go in brackets, e.g.
 *     {@code berth.image.registries.[registry.example.com:5000].username}. They answer Basic
 *     challenges and are sent to the token server of a Bearer challenge; other registries are
 *     pulled from anonymously
 * @param blobSweep the sweep of blobs no image uses
 * @param engine engine-service's base URL, where image events (pull, tag, delete, ...) are reported
 *     so that its event stream shows them; none are kept when unset
 */
@ConfigurationProperties("berth.image")
@Validated
public record ImageProperties(
    @DefaultValue("127.0.0.1:5000") String defaultRegistry,
    @DefaultValue Set<String> insecureRegistries,
    @DefaultValue("linux/amd64") String platform,
    @DefaultValue("3") @Min(1) @Max(16) int maxConcurrentDownloads,
    @DefaultValue("5m") Duration requestTimeout,
    @DefaultValue Map<String, @Valid Registry> registries,
    @DefaultValue BlobSweep blobSweep,
    URI engine) {

  /**
   * The sweep of stored blobs no image uses (what a pull that failed half-way completed, say),
   * and of ingest files no writer finished.
   *
   * @param interval time between sweeps; zero turns the schedule off
   * @param gracePeriod blobs stored or found again by a pull within this period are kept, so that
   *     a retried pull still finds them
   */
  public record BlobSweep(
      @DefaultValue("1h") Duration interval,
      @DefaultValue("24h") Duration gracePeriod) {
  }

  /**
   * How to log in to one registry.
   *
   * @param username the user name
   * @param password the password, or an identity token
   */
  public record Registry(@NotBlank String username, @NotNull String password) {

    public Credentials credentials() {
      return new Credentials(username, password);
    }

    @Override
    public String toString() {
      return "Registry[username=" + username + ", password=***]";
    }
  }
}
