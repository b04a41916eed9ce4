package dev.berth.node.snapshot;

import com.sun.net.httpserver.HttpServer;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.OciJson;
import dev.berth.oci.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * image-service's blob endpoint in a test: {@code GET /api/v1/blobs/{digest}} with
 * {@code OCI-Media-Type}, counting the requests per digest.
 */
final class BlobServer implements AutoCloseable {

  private record Blob(String mediaType, byte[] bytes) {
  }

  private final Map<String, Blob> blobs = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final HttpServer server;

  BlobServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/blobs/", exchange -> {
      String digest = exchange.getRequestURI().getPath().substring("/api/v1/blobs/".length());
      requests.computeIfAbsent(digest, d -> new AtomicInteger()).incrementAndGet();
      Blob blob = blobs.get(digest);
      if (blob == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        exchange.getResponseHeaders().add("OCI-Media-Type", blob.mediaType());
        exchange.sendResponseHeaders(200, blob.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(blob.bytes());
        }
      }
      exchange.close();
    });
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Serves {@code bytes} under {@code digest} (which a test may make wrong on purpose). */
  Descriptor put(String mediaType, Digest digest, byte[] bytes) {
    blobs.put(digest.toString(), new Blob(mediaType, bytes));
    return Descriptor.of(mediaType, digest, bytes.length);
  }

  Descriptor put(String mediaType, byte[] bytes) {
    return put(mediaType, Digest.sha256(bytes), bytes);
  }

  int requests(Digest digest) {
    AtomicInteger count = requests.get(digest.toString());
    return count == null ? 0 : count.get();
  }

  /** Serves an image of gzip layers from {@code tars}; returns its layer descriptors and diffIDs. */
  Image image(List<byte[]> tars, Map<Integer, Digest> wrongDiffIds) {
    List<Descriptor> layers = new ArrayList<>();
    List<String> diffIds = new ArrayList<>();
    for (int i = 0; i < tars.size(); i++) {
      layers.add(put(MediaTypes.OCI_LAYER_GZIP, gzip(tars.get(i))));
      diffIds.add(wrongDiffIds.getOrDefault(i, Digest.sha256(tars.get(i))).toString());
    }
    return image(layers, diffIds);
  }

  Image image(List<Descriptor> layers, List<String> diffIds) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("architecture", "amd64");
    config.put("os", "linux");
    config.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
    Descriptor configDescriptor = put(MediaTypes.OCI_CONFIG, json(config));
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
    manifest.put("config", configDescriptor);
    manifest.put("layers", layers);
    Descriptor manifestDescriptor = put(MediaTypes.OCI_MANIFEST, json(manifest));
    Descriptor platformManifest = new Descriptor(MediaTypes.OCI_MANIFEST, manifestDescriptor.digest(),
        manifestDescriptor.size(), null, null, null, new Platform("amd64", "linux", null, null, null, null));
    Descriptor arm = new Descriptor(MediaTypes.OCI_MANIFEST, Digest.sha256(new byte[1]), 1, null, null, null,
        new Platform("arm64", "linux", null, null, "v8", null));
    Descriptor index = put(MediaTypes.OCI_INDEX, json(Map.of("schemaVersion", 2, "mediaType", MediaTypes.OCI_INDEX,
        "manifests", List.of(arm, platformManifest))));
    return new Image(index.digest(), manifestDescriptor.digest(), layers, diffIds);
  }

  /** A served image. */
  record Image(Digest index, Digest manifest, List<Descriptor> layers, List<String> diffIds) {
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] json(Object value) {
    return OciJson.mapper().writeValueAsBytes(value);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
