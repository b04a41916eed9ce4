package dev.berth.engine.container;

import dev.berth.engine.EngineProperties;
import java.net.http.HttpClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/** Resolves image references through image-service, to the digests a node agent needs. */
@Component
class ImageResolver {

  private final RestClient images;

  ImageResolver(EngineProperties properties) {
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).build());
    requests.setReadTimeout(properties.requestTimeout());
    this.images = RestClient.builder().baseUrl(properties.imageService().toString()).requestFactory(requests).build();
  }

  /** An image as a container needs it. */
  record ResolvedImage(String id, String manifestDigest) {
  }

  /** The image {@code reference} names; 404 with Docker's message when image-service has none. */
  ResolvedImage resolve(String reference) {
    if (reference == null || reference.isBlank()) {
      throw new EngineException.InvalidArgument("an image is required");
    }
    try {
      JsonNode image = images.get().uri("/api/v1/images/{name}", reference).retrieve().body(JsonNode.class);
      return new ResolvedImage(image.path("id").asString(), image.path("manifestDigest").asString());
    } catch (HttpClientErrorException.NotFound e) {
      throw new EngineException.NotFound("No such image: " + familiar(reference));
    } catch (HttpClientErrorException e) {
      throw new EngineException.InvalidArgument("invalid image reference " + reference + ": "
          + e.getResponseBodyAsString());
    } catch (RestClientException e) {
      throw new EngineException.Failed("image-service cannot be reached: " + e.getMessage(), true, e);
    }
  }

  /** Docker names a missing image with its tag: {@code httpd} → {@code httpd:latest}. */
  private static String familiar(String reference) {
    if (reference.contains("@") || reference.startsWith("sha256:")) {
      return reference;
    }
    int slash = reference.lastIndexOf('/');
    return reference.indexOf(':', slash + 1) >= 0 ? reference : reference + ":latest";
  }
}
