package dev.berth.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A forwarding HTTP proxy on a free loopback port in front of a real registry, for tests that need
 * to see what a client asks for or to break a transfer on purpose: it logs every request (with its
 * {@code Range} header and the body bytes it passed on), and can cut the connection of the next
 * {@code GET} of a blob after a number of body bytes, as a network failure would.
 */
public final class RegistryProxy implements AutoCloseable {

  private static final List<String> REQUEST_HEADERS = List.of("Accept", "Authorization", "Range");
  private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Content-Range", "Accept-Ranges",
      "Docker-Content-Digest", "Docker-Distribution-Api-Version", "WWW-Authenticate", "Location", "ETag");

  /**
   * One request as forwarded.
   *
   * @param method the HTTP method
   * @param path the path and query
   * @param range the {@code Range} header, or null
   * @param status the registry's status
   * @param bodyBytes the response body bytes passed on to the client
   * @param cut whether the proxy cut the connection
   */
  public record Request(String method, String path, String range, int status, long bodyBytes, boolean cut) {
  }

  /** A pending cut: the blob path suffix to match and after how many body bytes. */
  private record Cut(String pathSuffix, long afterBytes) {
  }

  private final String upstream;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicReference<Cut> cut = new AtomicReference<>();

  private RegistryProxy(String upstream, HttpServer server) {
    this.upstream = upstream;
    this.server = server;
  }

  /** Starts a proxy forwarding to the registry at {@code upstream} ({@code host:port}, plain HTTP). */
  public static RegistryProxy start(String upstream) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      RegistryProxy proxy = new RegistryProxy(upstream, server);
      server.setExecutor(proxy.executor);
      server.createContext("/", proxy::forward);
      server.start();
      return proxy;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the registry proxy", e);
    }
  }

  /** {@code 127.0.0.1:PORT}, as image references name it. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Cuts the connection of the next {@code GET} of blob {@code digest} once {@code afterBytes} body bytes passed. */
  public void cutNextBlobDownload(String digest, long afterBytes) {
    cut.set(new Cut("/blobs/" + digest, afterBytes));
  }

  /** The requests forwarded so far, oldest first. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The {@code GET}s of blob {@code digest} forwarded so far, oldest first. */
  public List<Request> blobDownloads(String digest) {
    return requests().stream().filter(r -> r.method().equals("GET") && r.path().endsWith("/blobs/" + digest))
        .toList();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
      String method = exchange.getRequestMethod();
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + upstream + path))
          .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      for (String name : REQUEST_HEADERS) {
        for (String value : exchange.getRequestHeaders().getOrDefault(name, List.of())) {
          request.header(name, value);
        }
      }
      HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      for (String name : RESPONSE_HEADERS) {
        response.headers().allValues(name).forEach(value -> exchange.getResponseHeaders().add(name, value));
      }
      long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      Cut armed = method.equals("GET") && response.statusCode() / 100 == 2 ? cut.get() : null;
      if (armed != null && !(path.endsWith(armed.pathSuffix()) && cut.compareAndSet(armed, null))) {
        armed = null;
      }
      try (InputStream in = response.body()) {
        if (method.equals("HEAD") || length == 0) {
          if (length > 0) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
          }
          exchange.sendResponseHeaders(response.statusCode(), -1);
          requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Range"),
              response.statusCode(), 0, false));
          return;
        }
        exchange.sendResponseHeaders(response.statusCode(), Math.max(length, 0));
        long passed = copy(in, exchange.getResponseBody(), armed == null ? Long.MAX_VALUE : armed.afterBytes());
        requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Range"),
            response.statusCode(), passed, armed != null));
        if (armed != null) {
          exchange.getResponseBody().flush();
        }
      }
      // closing the exchange with fewer body bytes than announced drops the connection: the cut
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding", e);
    }
  }

  private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long passed = 0;
    int n;
    while (passed < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - passed))) > 0) {
      out.write(buffer, 0, n);
      passed += n;
    }
    return passed;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
    http.close();
  }
}
