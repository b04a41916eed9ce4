package dev.berth.image.pull;

import dev.berth.image.ImageProperties;
import dev.berth.oci.client.CredentialProvider;
import dev.berth.oci.client.RegistryClient;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one registry client image-service shares (tokens are cached in it), with the credentials
 * configured per registry in {@link ImageProperties#registries()}.
 */
@Configuration(proxyBeanMethods = false)
class RegistryClientConfiguration {

  @Bean(destroyMethod = "close")
  RegistryClient registryClient(ImageProperties properties) {
    return builder(properties)
        .credentials(CredentialProvider.of(properties.registries().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, registry -> registry.getValue().credentials()))))
        .build();
  }

  /** How every registry client of image-service is set up, whatever credentials it uses. */
  static RegistryClient.Builder builder(ImageProperties properties) {
    return RegistryClient.builder()
        .insecureRegistries(properties.insecureRegistries())
        .requestTimeout(properties.requestTimeout())
        .userAgent("berth-image-service");
  }
}
