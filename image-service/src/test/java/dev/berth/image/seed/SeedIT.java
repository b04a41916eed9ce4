package dev.berth.image.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.image.store.ImageView;
import dev.berth.oci.OciJson;
import dev.berth.testsupport.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class SeedIT extends AbstractImageServiceIT {

  @Autowired
  SeedService seeds;

  @Test
  void seedsBusyboxAndHttpdIntoTheDefaultRegistryAndAgainWithTheSameIds() throws Exception {
    List<ImageView> seeded = seeds.seed();

    assertThat(seeded).extracting(ImageView::repoTags).containsExactly(List.of("busybox:latest"),
        List.of("httpd:latest"));
    JsonNode busybox = registryConfig("busybox").get("config");
    assertThat(busybox.get("Cmd").toString()).isEqualTo("[\"sh\"]");
    assertThat(busybox.get("Env").toString()).contains("PATH=/usr/local/sbin:");
    assertThat(busybox.has("ExposedPorts")).isFalse();
    JsonNode httpd = registryConfig("httpd").get("config");
    assertThat(httpd.get("Cmd").toString()).isEqualTo("[\"httpd\",\"-f\",\"-p\",\"80\",\"-h\",\"/www\"]");
    assertThat(httpd.get("ExposedPorts").toString()).isEqualTo("{\"80/tcp\":{}}");

    Map<String, TarArchiveEntry> busyboxFiles = new HashMap<>();
    layer("busybox", busyboxFiles);
    assertThat(busyboxFiles).containsKeys("bin/busybox", "bin/sh", "bin/httpd", "etc/passwd", "tmp/", "proc/")
        .doesNotContainKey("www/index.html");
    assertThat(busyboxFiles.get("bin/sh").getLinkName()).isEqualTo("busybox");
    Map<String, TarArchiveEntry> httpdFiles = new HashMap<>();
    String page = layer("httpd", httpdFiles);
    assertThat(httpdFiles).containsKeys("bin/busybox", "bin/httpd", "www/index.html");
    assertThat(page).isEqualTo("<html><body><h1>It works!</h1></body></html>\n");

    assertThat(seeds.seed()).extracting(ImageView::id)
        .containsExactly(seeded.get(0).id(), seeded.get(1).id());
  }

  private static JsonNode registryConfig(String name) {
    return OciJson.mapper().readTree(Commands.run("skopeo", "inspect", "--config", "--tls-verify=false",
        "docker://" + REGISTRY.address() + "/library/" + name + ":latest"));
  }

  /** Reads the only layer of {@code name} from the registry into {@code entries}; returns /www/index.html. */
  private String layer(String name, Map<String, TarArchiveEntry> entries) throws IOException, InterruptedException {
    JsonNode inspect = OciJson.mapper().readTree(Commands.run("skopeo", "inspect", "--tls-verify=false",
        "docker://" + REGISTRY.address() + "/library/" + name + ":latest"));
    assertThat(inspect.get("Layers")).hasSize(1);
    URI blob = URI.create("http://" + REGISTRY.address() + "/v2/library/" + name + "/blobs/"
        + inspect.get("Layers").get(0).asString());
    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(blob).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    String page = null;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(response.body()))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        entries.put(entry.getName(), entry);
        if (entry.getName().equals("www/index.html")) {
          page = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    return page;
  }
}
