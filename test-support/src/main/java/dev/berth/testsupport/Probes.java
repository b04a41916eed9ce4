package dev.berth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What suites poll while services get somewhere: a page on a published port, a call that may fail. */
public final class Probes {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Probes() {
  }

  /** A call whose IO failure fails the test (unchecked, so it fits a polling supplier). */
  @FunctionalInterface
  public interface Call<T> {
    T call() throws IOException, InterruptedException;
  }

  /** Runs {@code call}, its checked exceptions rethrown unchecked. */
  public static <T> T quietly(Call<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The body {@code url} answers with, or "" while nothing answers there. */
  public static String page(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
