package dev.berth.image.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.image.store.BlobRepository;
import dev.berth.oci.Digest;
import dev.berth.oci.OciJson;
import dev.berth.testsupport.Commands;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ImportIT extends AbstractImageServiceIT {

  @Autowired
  BlobRepository blobs;

  @Test
  void importsATarWithDockersChangesIntoItsConfig() throws Exception {
    Path tar = rootfsTar();

    HttpResponse<String> response = importTar(tar, "reference=imported:v1&message=hello&platform=linux/arm64",
        "CMD [\"/bin/busybox\", \"httpd\", \"-f\"]", "ENTRYPOINT [\"/bin/busybox\"]", "ENV GREETING=\"hello, world\"",
        "WORKDIR /srv", "WORKDIR data", "EXPOSE 8080 53/udp", "LABEL maintainer=berth", "USER nobody",
        "VOLUME /var/cache", "STOPSIGNAL SIGINT");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode image = OciJson.mapper().readTree(response.body());
    assertThat(image.get("repoTags").toString()).isEqualTo("[\"imported:v1\"]");
    assertThat(image.get("architecture").asString()).isEqualTo("arm64");
    assertThat(image.get("variant").asString()).isEqualTo("v8");
    JsonNode config = image.get("config").get("config");
    assertThat(config.get("Entrypoint").toString()).isEqualTo("[\"/bin/busybox\"]");
    assertThat(config.get("Cmd").toString()).isEqualTo("[\"/bin/busybox\",\"httpd\",\"-f\"]");
    assertThat(config.get("Env").toString()).isEqualTo("[\"GREETING=hello, world\"]");
    assertThat(config.get("WorkingDir").asString()).isEqualTo("/srv/data");
    assertThat(config.get("ExposedPorts").toString()).isEqualTo("{\"53/udp\":{},\"8080/tcp\":{}}");
    assertThat(config.get("Labels").toString()).isEqualTo("{\"maintainer\":\"berth\"}");
    assertThat(config.get("User").asString()).isEqualTo("nobody");
    assertThat(config.get("Volumes").toString()).isEqualTo("{\"/var/cache\":{}}");
    assertThat(config.get("StopSignal").asString()).isEqualTo("SIGINT");
    assertThat(image.get("config").get("history").get(0).get("comment").asString()).isEqualTo("hello");
    assertThat(image.get("layers")).hasSize(1);
    assertThat(image.get("layers").get(0).asString()).isEqualTo(Digest.sha256(Files.readAllBytes(tar)).toString());
    assertThat(image.get("size").asLong()).isEqualTo(Files.size(tar));

    JsonNode manifest = OciJson.mapper().readTree(blob(image.get("manifestDigest").asString()));
    assertThat(manifest.get("mediaType").asString()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    assertThat(manifest.get("config").get("digest").asString()).isEqualTo(image.get("id").asString());
    JsonNode layer = manifest.get("layers").get(0);
    assertThat(layer.get("mediaType").asString()).isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
    byte[] gzip = blob(layer.get("digest").asString());
    assertThat(Digest.sha256(gzip).toString()).isEqualTo(layer.get("digest").asString());
    assertThat(layer.get("size").asLong()).isEqualTo(gzip.length);
    byte[] unpacked = new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes();
    assertThat(unpacked).isEqualTo(Files.readAllBytes(tar));
    assertThat(names(new ByteArrayInputStream(unpacked))).contains("./etc/hostname", "./bin/sh");
  }

  @Test
  void importsAGzippedTarAsTheSameLayerAsThePlainOne() throws Exception {
    Path tar = rootfsTar();
    Commands.run("gzip", "-k", tar.toString());

    JsonNode plain = OciJson.mapper().readTree(importTar(tar, "").body());
    HttpResponse<String> gzipped = importTar(Path.of(tar + ".gz"), "reference=imported-gzip");

    assertThat(gzipped.statusCode()).isEqualTo(201);
    JsonNode image = OciJson.mapper().readTree(gzipped.body());
    assertThat(image.get("repoTags").toString()).isEqualTo("[\"imported-gzip:latest\"]");
    assertThat(image.get("layers")).isEqualTo(plain.get("layers"));
    assertThat(plain.get("repoTags")).isEmpty();
  }

  @Test
  void refusesATarWithEntriesOutsideTheRootLeavingNoBlobBehind() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (String name : List.of("etc/ok", "../x")) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(2);
        tar.putArchiveEntry(entry);
        tar.write("ok".getBytes(StandardCharsets.UTF_8));
        tar.closeArchiveEntry();
      }
    }

    assertRefusedLeavingNothing(bytes.toByteArray(), "../x: it leaves the root");
  }

  @Test
  void refusesABodyThatIsNotATarLeavingNoBlobBehind() throws Exception {
    assertRefusedLeavingNothing("just some text, not an archive".getBytes(StandardCharsets.UTF_8),
        "not a tar archive");
  }

  @Test
  void refusesChangesThatAreNotConfiguration() throws Exception {
    HttpResponse<String> response = importTar(rootfsTar(), "", "RUN echo hi");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("RUN is not supported");
  }

  @Test
  void refusesAFormEncodedBodyRatherThanLosingItToParameterParsing() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/images/import"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofFile(rootfsTar())).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(415);
  }

  private void assertRefusedLeavingNothing(byte[] body, String message) throws Exception {
    long rows = blobs.count();
    List<Path> files = storedFiles();

    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/images/import?reference=refused"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains(message);
    assertThat(blobs.count()).isEqualTo(rows);
    assertThat(storedFiles()).isEqualTo(files);
    try (Stream<Path> ingest = Files.list(DATA_DIR.resolve("ingest"))) {
      assertThat(ingest.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.startsWith("import-"));
    }
  }

  private static List<Path> storedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(DATA_DIR.resolve("blobs"))) {
      return new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
    }
  }

  /** A small root filesystem archived by GNU tar. */
  private static Path rootfsTar() throws IOException {
    Path root = Files.createTempDirectory("rootfs");
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/hostname"), "imported\n");
    Files.createDirectories(root.resolve("bin"));
    Files.createSymbolicLink(root.resolve("bin/sh"), Path.of("busybox"));
    Path tar = Files.createTempDirectory("tar").resolve("rootfs.tar");
    Commands.run("tar", "-C", root.toString(), "-cf", tar.toString(), ".");
    return tar;
  }

  private HttpResponse<String> importTar(Path tar, String query, String... changes) throws Exception {
    StringBuilder url = new StringBuilder("/api/v1/images/import?").append(query);
    for (String change : changes) {
      url.append("&change=").append(URLEncoder.encode(change, StandardCharsets.UTF_8));
    }
    return http.send(HttpRequest.newBuilder(uri(url.toString())).header("Content-Type", "application/x-tar")
        .POST(HttpRequest.BodyPublishers.ofFile(tar)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private byte[] blob(String digest) throws Exception {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/api/v1/blobs/" + digest)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static List<String> names(InputStream tar) throws IOException {
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    return names;
  }
}
