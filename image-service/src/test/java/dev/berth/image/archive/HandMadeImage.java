package dev.berth.image.archive;

import dev.berth.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A one-layer image made by hand, to be laid out as an OCI image layout or a Docker archive and
 * broken on purpose: its gzip layer, the config (whose diffID may be made wrong) and a manifest
 * whose descriptors may lie.
 */
final class HandMadeImage {

  final byte[] layerTar;
  final byte[] layer;
  final Digest diffId;
  final Digest layerDigest;
  final byte[] config;
  final Digest configDigest;

  private HandMadeImage(byte[] layerTar, Digest configuredDiffId) {
    this.layerTar = layerTar;
    this.layer = TestArchives.gzip(layerTar);
    this.diffId = Digest.sha256(layerTar);
    this.layerDigest = Digest.sha256(layer);
    this.config = """
        {"architecture":"amd64","os":"linux","config":{"Labels":{"made":"by-hand"}},\
        "rootfs":{"type":"layers","diff_ids":["%s"]},\
        "history":[{"created":"2024-01-02T03:04:05Z","created_by":"hand"}]}""".formatted(configuredDiffId)
        .getBytes(StandardCharsets.UTF_8);
    this.configDigest = Digest.sha256(config);
  }

  /** An image whose one layer holds {@code /message} with {@code message}. */
  static HandMadeImage of(String message) {
    byte[] tar = TestArchives.tar(Map.of("message", message));
    return new HandMadeImage(tar, Digest.sha256(tar));
  }

  /** The same layer, but the config claims another diffID. */
  static HandMadeImage withWrongDiffId(String message) {
    byte[] tar = TestArchives.tar(Map.of("message", message));
    return new HandMadeImage(tar, Digest.sha256("something else".getBytes(StandardCharsets.UTF_8)));
  }

  /** A truthful manifest. */
  byte[] manifest() {
    return manifest(layerDigest, layer.length, config.length);
  }

  /** A manifest with the given layer descriptor and config size. */
  byte[] manifest(Digest layerDigest, long layerSize, long configSize) {
    return """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
        "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},\
        "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"%s","size":%d}]}"""
        .formatted(configDigest, configSize, layerDigest, layerSize).getBytes(StandardCharsets.UTF_8);
  }

  /** An OCI image layout holding the layer, the config and {@code manifest}, named {@code name} in index.json. */
  Map<String, Object> ociLayout(String name, byte[] manifest) {
    Digest manifestDigest = Digest.sha256(manifest);
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}");
    entries.put(blob(layerDigest), layer);
    entries.put(blob(configDigest), config);
    entries.put(blob(manifestDigest), manifest);
    entries.put("index.json", """
        {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json",\
        "digest":"%s","size":%d,"annotations":{"io.containerd.image.name":"%s"}}]}"""
        .formatted(manifestDigest, manifest.length, name));
    return entries;
  }

  /** A classic Docker archive: {@code <id>/layer.tar} uncompressed, {@code <config>.json}, {@code manifest.json}. */
  Map<String, Object> dockerArchive(String repoTag) {
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put(configDigest.encoded() + ".json", config);
    entries.put("0123abcd/layer.tar", layerTar);
    entries.put("manifest.json", """
        [{"Config":"%s.json","RepoTags":["%s"],"Layers":["0123abcd/layer.tar"]}]"""
        .formatted(configDigest.encoded(), repoTag));
    entries.put("repositories", "{}");
    return entries;
  }

  static String blob(Digest digest) {
    return "blobs/" + digest.algorithm().id() + "/" + digest.encoded();
  }
}
