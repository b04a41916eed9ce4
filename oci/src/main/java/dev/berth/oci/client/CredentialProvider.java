package dev.berth.oci.client;

import java.util.Map;
import java.util.Optional;

/** Where the client finds credentials for a registry host, e.g. from a Docker config or a database. */
@FunctionalInterface
public interface CredentialProvider {

  /**
   * The credentials to use with {@code registry} (the host with port, as in a
   * {@link dev.berth.oci.Reference#registry() reference}), or empty to stay anonymous.
   */
  Optional<Credentials> credentialsFor(String registry);

  /** No credentials for any registry. */
  static CredentialProvider anonymous() {
    return registry -> Optional.empty();
  }

  /** Fixed credentials per registry host. */
  static CredentialProvider of(Map<String, Credentials> byRegistry) {
    Map<String, Credentials> copy = Map.copyOf(byRegistry);
    return registry -> Optional.ofNullable(copy.get(registry));
  }
}
