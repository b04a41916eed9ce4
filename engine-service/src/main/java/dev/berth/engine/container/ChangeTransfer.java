package dev.berth.engine.container;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Carries a container's file changes from one node agent to another: the source's layer tar
 * ({@code GET /api/v1/containers/{id}/diff}) streamed straight into the target
 * ({@code PUT /api/v1/containers/{id}/diff}), never held in memory.
 */
@Component
class ChangeTransfer {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  void copy(String id, String sourceAddress, String targetAddress) {
    try {
      HttpResponse<InputStream> diff = http.send(HttpRequest.newBuilder(diff(sourceAddress, id)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = diff.body()) {
        if (diff.statusCode() != 200) {
          throw new EngineException.Failed("exporting the changes of " + id + " answered " + diff.statusCode() + ": "
              + new String(body.readAllBytes()), false, null);
        }
        HttpResponse<String> applied = http.send(HttpRequest.newBuilder(diff(targetAddress, id))
            .header("Content-Type", "application/x-tar")
            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> body))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (applied.statusCode() != 204) {
          throw new EngineException.Failed("applying the changes of " + id + " answered " + applied.statusCode()
              + ": " + applied.body(), false, null);
        }
      }
    } catch (IOException e) {
      throw new EngineException.Failed("carrying the changes of " + id + " failed: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException.Failed("interrupted while carrying the changes of " + id, false, e);
    }
  }

  private static URI diff(String address, String id) {
    return URI.create(address.replaceAll("/+$", "") + "/api/v1/containers/" + id + "/diff");
  }
}
