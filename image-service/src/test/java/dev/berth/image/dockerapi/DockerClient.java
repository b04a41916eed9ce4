package dev.berth.image.dockerapi;

import dev.berth.oci.OciJson;
import dev.berth.testsupport.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Docker Engine API requests to image-service over real HTTP, shaped as the docker CLI and
 * docker-java send them, and images pushed to a registry for them to pull.
 */
final class DockerClient {

  /** {@code X-Registry-Auth} without credentials. */
  static final String NO_AUTH = "e30=";

  private final HttpClient http;
  private final int port;

  DockerClient(HttpClient http, int port) {
    this.http = http;
    this.port = port;
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  HttpResponse<String> post(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> postJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  /** {@code POST /v1.44/images/create} as the CLI sends it, with {@code registryAuth} as {@code X-Registry-Auth}. */
  HttpResponse<String> pull(String fromImage, String tag, String registryAuth) {
    return send(request("/v1.44/images/create?fromImage=" + encode(fromImage) + (tag == null ? "" : "&tag=" + encode(tag)))
        .header("X-Registry-Auth", registryAuth).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** Pulls and returns the image ID, failing unless the stream ended as docker-java requires. */
  String pulled(String fromImage, String tag) {
    HttpResponse<String> response = pull(fromImage, tag, NO_AUTH);
    List<JsonNode> messages = messages(response);
    String last = messages.isEmpty() ? "" : messages.getLast().path("status").asString("");
    if (response.statusCode() != 200 || !(last.contains("Downloaded newer image") || last.contains("Image is up to date"))) {
      throw new IllegalStateException("pull of " + fromImage + ":" + tag + " failed: " + response.body());
    }
    return json(get("/images/" + fromImage + (tag == null ? "" : ":" + tag) + "/json")).path("Id").asString();
  }

  /** Builds a busybox image holding {@code message} and pushes it as {@code registry/repository:tag}. */
  static void push(String registry, String repository, String tag, String message, String... skopeoOptions) {
    try {
      TestImages.push(TestImages.busybox(Files.createTempDirectory("layout"), tag, message), tag, registry, repository,
          skopeoOptions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    return OciJson.mapper().readTree(response.body());
  }

  /** The JSON messages of a progress stream, one per line. */
  static List<JsonNode> messages(HttpResponse<String> response) {
    return response.body().lines().filter(line -> !line.isBlank()).map(line -> OciJson.mapper().readTree(line)).toList();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
