package dev.berth.platform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Platform-wide property defaults, added with the lowest precedence so that any configuration
 * overrides them: virtual threads, RFC 9457 problem details, absent primitives read as 0 or false, health and Prometheus endpoints, an
 * {@code application} tag on every meter, OpenAPI for {@code /api/**} only, no form-body parsing
 * on PUT/PATCH (blob bodies are streamed), the request id after the level of each log line (see
 * {@link RequestIdFilter}), and {@code berth.data-dir}.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

  static final String SOURCE_NAME = "berthPlatformDefaults";
  static final String LOG_LEVEL_PATTERN = "%5p%replace( %X{requestId}){'^ $', ''}";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String name = environment.getProperty("spring.application.name", "berth");
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("berth.data-dir", Path.of(System.getProperty("user.home"), ".berth", name).toString());
    defaults.put("spring.threads.virtual.enabled", "true");
    defaults.put("spring.mvc.problemdetails.enabled", "true");
    defaults.put("spring.mvc.formcontent.filter.enabled", "false");
    defaults.put("spring.jpa.open-in-view", "false");
    // Jackson 3 refuses absent primitives by default; an absent boolean or number means false or 0 in our APIs
    defaults.put("spring.jackson.deserialization.fail-on-null-for-primitives", "false");
    defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
    defaults.put("management.endpoint.health.probes.enabled", "true");
    defaults.put("management.metrics.tags.application", name);
    defaults.put("springdoc.paths-to-match", "/api/**");
    defaults.put("server.shutdown", "graceful");
    // " <request id>" after the level while a request is served, nothing otherwise
    defaults.put("logging.pattern.level", LOG_LEVEL_PATTERN);
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
  }
}
