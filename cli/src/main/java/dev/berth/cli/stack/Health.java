package dev.berth.cli.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Whether a service answers: {@code GET <health path>} is 200, or for PostgreSQL its port accepts connections. */
public final class Health {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  private Health() {
  }

  public static boolean isUp(ServiceSpec service) {
    return service.healthPath() == null ? accepts(service.port()) : answers(service.uri().resolve(service.healthPath()));
  }

  /** Whether {@code uri} answers 200 within a few seconds. */
  public static boolean answers(URI uri) {
    return get(uri) == 200;
  }

  /** The status {@code GET uri} answers with, or -1 when nothing answers. */
  public static int get(URI uri) {
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Whether a TCP connection to {@code 127.0.0.1:port} succeeds. */
  public static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
