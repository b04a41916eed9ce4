package dev.berth.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * Images made by hand — a gzip layer holding one file, an image config and an OCI manifest
 * written as JSON text — and pushed through the distribution API exactly as given, wrong diffIDs
 * and sizes included, so that a real registry serves the hostile content a test needs.
 */
public final class HandmadeImages {

  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HandmadeImages() {
  }

  /** Some bytes and their {@code sha256:} digest. */
  public record Blob(byte[] bytes, String digest) {

    public Blob(byte[] bytes) {
      this(bytes, sha256(bytes));
    }

    public long size() {
      return bytes.length;
    }

    /** A descriptor of this blob as a manifest lists it. */
    public Entry entry(String mediaType) {
      return new Entry(mediaType, digest, bytes.length);
    }
  }

  /** A compressed layer and the digest of its uncompressed tar. */
  public record Layer(Blob blob, String diffId) {
  }

  /** A descriptor as written into a manifest; the size may lie. */
  public record Entry(String mediaType, String digest, long size) {

    public Entry withSize(long lie) {
      return new Entry(mediaType, digest, lie);
    }

    String json() {
      return "{\"mediaType\":\"%s\",\"digest\":\"%s\",\"size\":%d}".formatted(mediaType, digest, size);
    }
  }

  /** A gzip layer holding {@code content} as file {@code name} (made by {@code tar}). */
  public static Layer gzipLayer(String name, byte[] content) {
    try {
      Path root = Files.createTempDirectory("berth-layer");
      Files.write(root.resolve(name), content);
      Path tar = root.resolveSibling(root.getFileName() + ".tar");
      Commands.run("tar", "--numeric-owner", "--owner=0", "--group=0", "-C", root.toString(), "-cf", tar.toString(),
          name);
      byte[] uncompressed = Files.readAllBytes(tar);
      ByteArrayOutputStream gzip = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
        out.write(uncompressed);
      }
      return new Layer(new Blob(gzip.toByteArray()), sha256(uncompressed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An image config for linux/{@code architecture} listing {@code diffIds}. */
  public static Blob config(String architecture, List<String> diffIds) {
    return new Blob(("{\"architecture\":\"%s\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/bin/sh\"]},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[%s]}}").formatted(architecture,
        diffIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")))
        .getBytes(StandardCharsets.UTF_8));
  }

  /** An OCI image manifest of {@code config} and {@code layers}. */
  public static Blob manifest(Entry config, List<Entry> layers) {
    return new Blob("{\"schemaVersion\":2,\"mediaType\":\"%s\",\"config\":%s,\"layers\":[%s]}".formatted(OCI_MANIFEST,
        config.json(), layers.stream().map(Entry::json).collect(Collectors.joining(",")))
        .getBytes(StandardCharsets.UTF_8));
  }

  /** Uploads {@code blob} to {@code registry/repository} (one {@code POST}, one monolithic {@code PUT}). */
  public static void push(String registry, String repository, Blob blob) {
    HttpResponse<String> start = send(HttpRequest.newBuilder(
        URI.create("http://" + registry + "/v2/" + repository + "/blobs/uploads/"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), 202);
    URI location = URI.create("http://" + registry + "/").resolve(start.headers().firstValue("Location").orElseThrow());
    String separator = location.getRawQuery() == null ? "?" : "&";
    send(HttpRequest.newBuilder(URI.create(location + separator + "digest=" + blob.digest()))
        .header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(blob.bytes())).build(), 201);
  }

  /** Puts OCI manifest {@code manifest} as {@code registry/repository:tag}. */
  public static void pushManifest(String registry, String repository, String tag, Blob manifest) {
    send(HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/" + repository + "/manifests/" + tag))
        .header("Content-Type", OCI_MANIFEST)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.bytes())).build(), 201);
  }

  /** Deletes blob {@code digest} from {@code registry/repository}, leaving manifests that reference it. */
  public static void deleteBlob(String registry, String repository, String digest) {
    send(HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/" + repository + "/blobs/" + digest))
        .DELETE().build(), 202);
  }

  /** {@code sha256:<hex>} of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> send(HttpRequest request, int expected) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
            + response.statusCode() + ": " + response.body());
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
