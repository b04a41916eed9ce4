package dev.berth.image.dockerapi;

import dev.berth.image.ImageException;
import dev.berth.image.ImageProperties;
import dev.berth.image.pull.RegistryClients;
import dev.berth.oci.client.RegistryClient;
import dev.berth.oci.client.RegistryEndpoint;
import dev.berth.oci.client.UnauthorizedException;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code docker login}: checks the credentials against the registry's {@code /v2/} (answering its
 * Basic or token challenge) with a client of their own. Nothing is kept: the CLI stores the
 * credentials and sends them with each pull.
 */
@RestController
class DockerAuthController {

  private final RegistryClients clients;
  private final DockerNames names;
  private final Set<String> insecureRegistries;

  DockerAuthController(RegistryClients clients, DockerNames names, ImageProperties properties) {
    this.clients = clients;
    this.names = names;
    this.insecureRegistries = properties.insecureRegistries();
  }

  @PostMapping("/auth")
  AuthResponse login(@RequestBody AuthConfig login) {
    String registry = names.registry(login.serveraddress());
    String attempt = "login attempt to " + apiBase(registry);
    try (RegistryClient client = clients.withCredentials(registry, login.credentials().orElse(null))) {
      client.ping(registry);
    } catch (UnauthorizedException e) {
      throw new ImageException.Unauthorized(attempt + " failed with status: 401 Unauthorized", e);
    } catch (IOException e) {
      throw new ImageException.Unavailable(attempt + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageException.Unavailable(attempt + " was interrupted", e);
    }
    return new AuthResponse("Login Succeeded", "");
  }

  private String apiBase(String registry) {
    try {
      return RegistryEndpoint.of(registry, insecureRegistries.contains(registry)).apiBase().toString();
    } catch (IllegalArgumentException e) {
      throw new ImageException.InvalidArgument("invalid registry address: " + registry, e);
    }
  }
}
