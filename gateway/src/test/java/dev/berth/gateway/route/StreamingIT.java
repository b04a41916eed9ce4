package dev.berth.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.gateway.FakeServices;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Streams pass through as the service sends them: headers at once, then each chunk. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamingIT {

  private static final FakeServices services = new FakeServices();
  private static final CountDownLatch logsMayEnd = new CountDownLatch(1);
  private static final CountDownLatch containerExited = new CountDownLatch(1);
  private static final CountDownLatch pullMayEnd = new CountDownLatch(1);

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    services.engine()
        .handle("/v1.44/containers/c1/logs", exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/vnd.docker.multiplexed-stream");
          exchange.sendResponseHeaders(200, 0);
          OutputStream body = exchange.getResponseBody();
          body.write("first line\n".getBytes(StandardCharsets.UTF_8));
          body.flush();
          await(logsMayEnd);
          body.write("second line\n".getBytes(StandardCharsets.UTF_8));
        })
        .handle("/v1.44/containers/c1/wait", exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.getResponseHeaders().set("Api-Version", "1.44");
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().flush();
          await(containerExited);
          exchange.getResponseBody().write("{\"Error\":null,\"StatusCode\":3}\n".getBytes(StandardCharsets.UTF_8));
        });
    services.image().handle("/v1.44/images/create", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      OutputStream body = exchange.getResponseBody();
      body.write("{\"status\":\"Pulling from library/busybox\"}\r\n".getBytes(StandardCharsets.UTF_8));
      body.flush();
      await(pullMayEnd);
      body.write("{\"status\":\"Status: Downloaded newer image\"}\r\n".getBytes(StandardCharsets.UTF_8));
    });
    services.register(registry);
  }

  @AfterAll
  static void stop() {
    services.close();
  }

  @Test
  void passesTheFirstChunkOfAFollowedLogOnBeforeTheServiceEndsIt() throws Exception {
    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri("/v1.44/containers/c1/logs?follow=1"))
        .build(), HttpResponse.BodyHandlers.ofInputStream());

    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("first line");
      logsMayEnd.countDown();
      assertThat(lines.readLine()).isEqualTo("second line");
      assertThat(lines.readLine()).isNull();
    }
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.docker.multiplexed-stream");
  }

  @Test
  void flushesTheHeadersOfAWaitBeforeTheContainerExits() throws Exception {
    HttpResponse<InputStream> response = http.sendAsync(HttpRequest.newBuilder(uri("/v1.44/containers/c1/wait"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofInputStream())
        .get(10, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Api-Version")).hasValue("1.44");
    containerExited.countDown();
    try (InputStream body = response.body()) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"Error\":null,\"StatusCode\":3}\n");
    }
  }

  @Test
  void passesPullProgressOnMessageByMessage() throws Exception {
    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri("/v1.44/images/create?fromImage=busybox"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofInputStream());

    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("{\"status\":\"Pulling from library/busybox\"}");
      pullMayEnd.countDown();
      assertThat(lines.readLine()).isEqualTo("{\"status\":\"Status: Downloaded newer image\"}");
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the stream");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
