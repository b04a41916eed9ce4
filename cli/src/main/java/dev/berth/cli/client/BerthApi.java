package dev.berth.cli.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of Berth's native REST API at one base address (the gateway, or the service itself). */
public final class BerthApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  public BerthApi(String base) {
    this.base = URI.create(base.endsWith("/") ? base : base + "/");
  }

  /** {@code GET /api/v1/images}: the local images, newest first. */
  public List<JsonNode> images() throws IOException, InterruptedException {
    return list("api/v1/images");
  }

  /** {@code GET /api/v1/containers}: every container, newest first. */
  public List<JsonNode> containers() throws IOException, InterruptedException {
    return list("api/v1/containers");
  }

  /**
   * {@code POST /api/v1/images/pull?reference=REF}: hands each NDJSON progress message to
   * {@code progress}; fails when the pull is refused or ends with an {@code error} message.
   */
  public void pull(String reference, Consumer<JsonNode> progress) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v1/images/pull?reference="
        + URLEncoder.encode(reference, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      if (response.statusCode() / 100 != 2) {
        throw failure(request, response.statusCode(), lines.lines().reduce("", String::concat));
      }
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode message = JSON.readTree(line);
        if (message.has("error")) {
          throw new ApiException("pulling " + reference + " failed: " + message.path("error").asString());
        }
        progress.accept(message);
      }
    }
  }

  private List<JsonNode> list(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build();
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw failure(request, response.statusCode(), response.body());
    }
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(response.body()).forEach(items::add);
    return items;
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    try {
      return http.send(request, handler);
    } catch (java.net.ConnectException e) {
      throw new ApiException("nothing answers at " + base + " (is Berth up? berth status shows it; --host or "
          + "BERTH_HOST names another address)");
    }
  }

  /** An error response as one line: its problem detail (RFC 9457) when it has one. */
  private static ApiException failure(HttpRequest request, int status, String body) {
    String detail = body;
    try {
      JsonNode problem = JSON.readTree(body);
      detail = problem.path("detail").asString(problem.path("title").asString(body));
    } catch (RuntimeException e) {
      // not JSON: the body as it is
    }
    return new ApiException(request.method() + " " + request.uri() + ": " + status + (detail.isBlank() ? "" : " " + detail));
  }

  /** The API refused a request or cannot be reached; the message says which and why. */
  public static final class ApiException extends RuntimeException {

    public ApiException(String message) {
      super(message);
    }
  }
}
