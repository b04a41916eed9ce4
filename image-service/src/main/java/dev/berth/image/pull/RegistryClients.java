package dev.berth.image.pull;

import dev.berth.image.ImageProperties;
import dev.berth.oci.client.CredentialProvider;
import dev.berth.oci.client.Credentials;
import dev.berth.oci.client.RegistryClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Registry clients that act with the credentials of one request ({@code docker login}, Docker's
 * {@code X-Registry-Auth}): set up like the shared client, but each with its own token cache, so
 * that tokens never pass between different credentials. Whoever opens one closes it.
 */
@Component
public class RegistryClients {

  private final ImageProperties properties;

  RegistryClients(ImageProperties properties) {
    this.properties = properties;
  }

  /** A new client using {@code credentials} (null: none) with {@code registry} and no credentials elsewhere. */
  public RegistryClient withCredentials(String registry, Credentials credentials) {
    return RegistryClientConfiguration.builder(properties)
        .credentials(credentials == null ? CredentialProvider.anonymous()
            : CredentialProvider.of(Map.of(registry, credentials)))
        .build();
  }
}
