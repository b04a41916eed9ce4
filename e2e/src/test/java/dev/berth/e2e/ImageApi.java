package dev.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testsupport.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * image-service's native REST API ({@code /api/v1/images}) driven with the JDK's HTTP client.
 * Every call asserts the status it expects and names the request and the response body when it
 * gets another; streamed pulls and pushes are read to their last NDJSON line.
 */
final class ImageApi {

  private static final String IMAGES = "/api/v1/images";
  private static final String TAR = "application/x-tar";
  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ServiceProcess service;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  ImageApi(ServiceProcess service) {
    this.service = service;
  }

  /** {@code POST /pull}, asserted to end with the image stored. */
  void pull(String reference) {
    JsonNode last = lastLine(send(post("/pull?reference=" + encode(reference)), BodyHandlers.ofString(), 200));
    assertThat(last.path("status").asString()).as("last line of the pull of %s: %s", reference, last)
        .isIn("DOWNLOADED_NEWER_IMAGE", "IMAGE_IS_UP_TO_DATE");
  }

  /** {@code GET /{name}}: the image, asserted to exist. */
  JsonNode inspect(String name) {
    return JSON.readTree(send(get("/" + name), BodyHandlers.ofString(), 200).body());
  }

  /** {@code GET /{name}}: the image, or empty when image-service answers 404. */
  Optional<JsonNode> find(String name) {
    HttpResponse<String> response = send(get("/" + name), BodyHandlers.ofString(), 200, 404);
    return response.statusCode() == 404 ? Optional.empty() : Optional.of(JSON.readTree(response.body()));
  }

  /** {@code GET /}: the IDs of every local image. */
  List<String> ids() {
    JsonNode images = JSON.readTree(send(get(""), BodyHandlers.ofString(), 200).body());
    return images.valueStream().map(image -> image.path("id").asString()).toList();
  }

  /** {@code POST /tag}: {@code target} names the image {@code source} names. */
  void tag(String source, String target) {
    send(post("/tag?source=" + encode(source) + "&target=" + encode(target)), BodyHandlers.ofString(), 201);
  }

  /** {@code POST /push}: the manifest digest the final progress line reports. */
  String push(String reference) {
    JsonNode last = lastLine(send(post("/push?reference=" + encode(reference)), BodyHandlers.ofString(), 200));
    assertThat(last.path("status").asString()).as("last line of the push of %s: %s", reference, last)
        .isEqualTo("PUSH_DIGEST");
    return last.path("detail").asString();
  }

  /** {@code DELETE /{name}}: what was untagged and deleted. */
  JsonNode remove(String name) {
    HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(IMAGES + "/" + name)).DELETE();
    return JSON.readTree(send(request, BodyHandlers.ofString(), 200).body());
  }

  /** {@code GET /save?name=…}: the images' tar archive, written to {@code archive}. */
  Path save(Path archive, String... names) {
    String query = Stream.of(names).map(name -> "name=" + encode(name)).collect(Collectors.joining("&"));
    HttpResponse<Path> response = send(get("/save?" + query), BodyHandlers.ofFile(archive), 200);
    assertThat(response.headers().firstValue("Content-Type")).as("Content-Type of the saved archive")
        .hasValueSatisfying(type -> assertThat(type).startsWith(TAR));
    return response.body();
  }

  /** {@code POST /load} of a tar archive: the images loaded, as image-service lists them. */
  JsonNode load(Path archive) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(IMAGES + "/load"))
          .header("Content-Type", TAR)
          .POST(BodyPublishers.ofFile(archive));
      return JSON.readTree(send(request, BodyHandlers.ofString(), 200).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(service.uri(IMAGES + path)).GET();
  }

  private HttpRequest.Builder post(String path) {
    return HttpRequest.newBuilder(service.uri(IMAGES + path)).POST(BodyPublishers.noBody());
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder builder, BodyHandler<T> handler, Integer... expected) {
    HttpRequest request = builder.timeout(TIMEOUT).build();
    try {
      HttpResponse<T> response = http.send(request, handler);
      assertThat(response.statusCode())
          .as(() -> "status of %s %s; body:%n%s".formatted(request.method(), request.uri(), body(response)))
          .isIn((Object[]) expected);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted during " + request.method() + " " + request.uri(), e);
    }
  }

  private static JsonNode lastLine(HttpResponse<String> response) {
    List<String> lines = response.body().lines().filter(line -> !line.isBlank()).toList();
    assertThat(lines).as("progress lines of %s", response.request().uri()).isNotEmpty();
    JsonNode last = JSON.readTree(lines.getLast());
    assertThat(last.has("error")).as("%s reported an error; progress:%n%s", response.request().uri(),
        response.body()).isFalse();
    return last;
  }

  /** The body as text, read from the file a download went to. */
  private static String body(HttpResponse<?> response) {
    try {
      return response.body() instanceof Path file ? Files.readString(file) : String.valueOf(response.body());
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
