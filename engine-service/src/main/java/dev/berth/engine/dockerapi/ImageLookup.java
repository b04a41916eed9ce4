package dev.berth.engine.dockerapi;

import dev.berth.engine.EngineProperties;
import dev.berth.engine.container.EngineException;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.OciJson;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * What the Docker API needs from image-service: image lists and disk usage for the system
 * endpoints, and image configs to merge into containers' configs the way dockerd does. Configs
 * are cached by image ID (content-addressed, so they never change).
 */
@Component
class ImageLookup {

  private static final int CACHED_CONFIGS = 512;
  private static final ImageConfig.Config EMPTY = new ImageConfig.Config(null, null, null, null, null, null, null,
      null, null);

  private final RestClient images;
  private final Map<String, ImageConfig.Config> configs = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ImageConfig.Config> eldest) {
      return size() > CACHED_CONFIGS;
    }
  };

  ImageLookup(EngineProperties properties) {
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).build());
    requests.setReadTimeout(properties.requestTimeout());
    this.images = RestClient.builder().baseUrl(properties.imageService().toString()).requestFactory(requests).build();
  }

  /** The local images as image-service lists them. */
  List<JsonNode> images() {
    return call(() -> images.get().uri("/api/v1/images").retrieve().body(JsonNode.class)).valueStream().toList();
  }

  /** The disk the image store takes: totalBlobBytes and per-image sizes. */
  JsonNode diskUsage() {
    return call(() -> images.get().uri("/api/v1/images/disk-usage").retrieve().body(JsonNode.class));
  }

  /** The config of the image {@code reference} names now, or empty when image-service has no such image. */
  Optional<ImageConfig.Config> find(String reference) {
    try {
      return Optional.of(config(call(() -> images.get().uri("/api/v1/images/{name}", reference).retrieve()
          .body(JsonNode.class))));
    } catch (EngineException.NotFound e) {
      return Optional.empty();
    }
  }

  /** The config of image {@code id}; an empty one when the image is gone. */
  ImageConfig.Config config(String id) {
    synchronized (configs) {
      ImageConfig.Config cached = configs.get(id);
      if (cached != null) {
        return cached;
      }
    }
    Optional<ImageConfig.Config> found = find(id);
    found.ifPresent(config -> {
      synchronized (configs) {
        configs.put(id, config);
      }
    });
    return found.orElse(EMPTY);
  }

  private static ImageConfig.Config config(JsonNode image) {
    JsonNode config = image.path("config").path("config");
    return config.isObject() ? OciJson.mapper().treeToValue(config, ImageConfig.Config.class) : EMPTY;
  }

  private static JsonNode call(Supplier<JsonNode> call) {
    try {
      return call.get();
    } catch (HttpClientErrorException.NotFound e) {
      throw new EngineException.NotFound(e.getResponseBodyAsString());
    } catch (RestClientException e) {
      throw new EngineException.Failed("image-service cannot be reached: " + e.getMessage(), true, e);
    }
  }
}
