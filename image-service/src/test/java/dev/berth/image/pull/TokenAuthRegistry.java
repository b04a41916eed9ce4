package dev.berth.image.pull;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.testsupport.DistributionRegistry;
import dev.berth.testsupport.TokenServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A registry that requires token authentication for the pull ITs: CNCF distribution with
 * {@code auth: token} and a {@link TokenServer}, started once per JVM when the image-service IT
 * context is built, whose credentials that context gets as {@code berth.image.registries.[address].*}
 * — so every IT still shares one context. Registered in {@code META-INF/spring.factories}.
 */
final class TokenAuthRegistry {

  static final String USER = "puller";
  static final String PASSWORD = "pull-secret";

  private static TokenAuthRegistry started;

  private final TokenServer tokens;
  private final DistributionRegistry registry;

  private TokenAuthRegistry(TokenServer tokens, DistributionRegistry registry) {
    this.tokens = tokens;
    this.registry = registry;
  }

  /** The registry, started on first use; empty when docker-registry is not installed. */
  static synchronized Optional<TokenAuthRegistry> get() {
    if (started == null && DistributionRegistry.installed()) {
      TokenServer tokens = TokenServer.start(Map.of(USER, new TokenServer.User(PASSWORD, Set.of("pull", "push"))));
      started = new TokenAuthRegistry(tokens, DistributionRegistry.start(tokens.registryAuthConfig()));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        started.registry.close();
        started.tokens.close();
      }));
    }
    return Optional.ofNullable(started);
  }

  /** {@code 127.0.0.1:PORT}: the name image-service has credentials for. */
  String address() {
    return registry.address();
  }

  TokenServer tokens() {
    return tokens;
  }

  /** Gives image-service IT contexts the credentials of the token-auth registry. */
  static final class Factory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
        List<ContextConfigurationAttributes> configAttributes) {
      return AbstractImageServiceIT.class.isAssignableFrom(testClass) ? new CredentialsCustomizer() : null;
    }
  }

  /** Adds the credentials; equal to every other instance, so it does not split the context cache. */
  private record CredentialsCustomizer() implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      get().ifPresent(registry -> context.getEnvironment().getPropertySources().addLast(new MapPropertySource(
          "token-auth-registry-credentials", Map.of(
              "berth.image.registries[" + registry.address() + "].username", USER,
              "berth.image.registries[" + registry.address() + "].password", PASSWORD))));
    }
  }
}
