package dev.berth.image.dockerapi;

import static dev.berth.image.dockerapi.DockerClient.encode;
import static dev.berth.image.dockerapi.DockerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The image endpoints of the Docker API over real HTTP, with the field names and types the reference records. */
class DockerImageApiIT extends AbstractImageServiceIT {

  private DockerClient docker;

  @BeforeEach
  void client() {
    docker = new DockerClient(http, port);
  }

  @Test
  void listsImagesAsDockerdSummarizesThem() {
    DockerClient.push(REGISTRY.address(), "dockerapi/list", "1", "list");
    String id = docker.pulled("dockerapi/list", "1");

    HttpResponse<String> list = docker.get("/v1.41/images/json?filters=" + encode("{\"reference\":{\"dockerapi/list\":true}}"));

    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode image = json(list).get(0);
    assertThat(json(list)).hasSize(1);
    assertThat(image.propertyNames()).containsExactlyInAnyOrder("Containers", "Created", "Id", "Labels", "ParentId",
        "RepoDigests", "RepoTags", "SharedSize", "Size", "VirtualSize");
    assertThat(image.get("Id").asString()).isEqualTo(id).startsWith("sha256:");
    assertThat(strings(image.get("RepoTags"))).containsExactly("dockerapi/list:1");
    assertThat(strings(image.get("RepoDigests"))).singleElement().asString().startsWith("dockerapi/list@sha256:");
    assertThat(image.get("Created").isIntegralNumber()).isTrue();
    assertThat(image.get("Size").asLong()).isPositive().isEqualTo(image.get("VirtualSize").asLong());
    assertThat(image.get("SharedSize").asLong()).isEqualTo(-1);
    assertThat(image.get("Containers").asLong()).isEqualTo(-1);
    assertThat(image.get("ParentId").asString()).isEmpty();
    assertThat(image.get("Labels").isNull()).isTrue();
  }

  @Test
  void filtersTheListInTheClisAndDockerJavasShapes() {
    DockerClient.push(REGISTRY.address(), "dockerapi/filter", "1", "filter");
    String id = docker.pulled("dockerapi/filter", "1");

    assertThat(ids("{\"reference\":{\"dockerapi/filter\":true}}")).containsExactly(id);
    assertThat(ids("{\"reference\":[\"dockerapi/fil*:1\"]}")).containsExactly(id);
    assertThat(ids("{\"reference\":[\"dockerapi/filter:2\"]}")).isEmpty();
    assertThat(ids("{\"reference\":[\"dockerapi/filter\"],\"dangling\":[\"true\"]}")).isEmpty();
    assertThat(ids("{\"reference\":[\"dockerapi/filter\"],\"dangling\":{\"false\":true}}")).containsExactly(id);
    assertThat(ids("{\"reference\":[\"dockerapi/filter\"],\"label\":[\"org.example=yes\"]}")).isEmpty();
    assertThat(ids("{\"reference\":[\"dockerapi/filter\"],\"since\":[\"" + id + "\"]}")).isEmpty();
  }

  @Test
  void refusesAnUnknownFilterAsDockerdDoes() {
    HttpResponse<String> list = docker.get("/images/json?filters=" + encode("{\"bogus\":[\"x\"]}"));

    assertThat(list.statusCode()).isEqualTo(400);
    assertThat(list.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(list.body()).isEqualTo("{\"message\":\"invalid filter 'bogus'\"}");
  }

  @Test
  void inspectsByUnescapedAndEscapedNamesWithARegistryPort() {
    String registry = REGISTRY.address().replace("127.0.0.1", "localhost");
    DockerClient.push(REGISTRY.address(), "dockerapi/inspect", "1", "inspect");
    String id = docker.pulled(registry + "/dockerapi/inspect", "1");
    String name = registry + "/dockerapi/inspect:1";

    JsonNode unescaped = json(docker.get("/v1.41/images/" + name + "/json"));
    JsonNode escaped = json(docker.get("/v1.32/images/" + encode(name) + "/json"));
    JsonNode byId = json(docker.get("/images/" + id.substring(7, 19) + "/json"));

    assertThat(escaped).isEqualTo(unescaped).isEqualTo(byId);
    assertThat(unescaped.get("Id").asString()).isEqualTo(id);
    assertThat(strings(unescaped.get("RepoTags"))).containsExactly(name);
    assertThat(strings(unescaped.get("RepoDigests"))).singleElement().asString()
        .startsWith(registry + "/dockerapi/inspect@sha256:");
    assertThat(unescaped.get("Parent").asString()).isEmpty();
    assertThat(unescaped.get("Comment").isString()).isTrue();
    assertThat(ZonedDateTime.parse(unescaped.get("Created").asString())).isNotNull();
    assertThat(unescaped.get("Architecture").asString()).isEqualTo("amd64");
    assertThat(unescaped.get("Os").asString()).isEqualTo("linux");
    assertThat(unescaped.get("Size").asLong()).isPositive();
    assertThat(unescaped.get("RootFS").get("Type").asString()).isEqualTo("layers");
    assertThat(strings(unescaped.get("RootFS").get("Layers"))).hasSize(2).allMatch(layer -> layer.startsWith("sha256:"));
    assertThat(unescaped.get("Metadata").get("LastTagTime").asString()).isEqualTo("0001-01-01T00:00:00Z");
    JsonNode config = unescaped.get("Config");
    assertThat(config.propertyNames()).contains("Cmd", "Entrypoint", "Env", "ExposedPorts", "Labels", "WorkingDir",
        "User", "Volumes");
    assertThat(strings(config.get("Cmd"))).containsExactly("/bin/busybox", "cat", "/etc/message");
  }

  @Test
  void answersMissingImagesWithDockersNotFoundMessage() {
    HttpResponse<String> inspect = docker.get("/v1.44/images/nothere:1/json");

    assertThat(inspect.statusCode()).isEqualTo(404);
    assertThat(inspect.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(inspect.body()).isEqualTo("{\"message\":\"No such image: nothere:1\"}");
    assertThat(docker.get("/images/nothere/history").statusCode()).isEqualTo(404);
    assertThat(docker.post("/images/nothere/tag?repo=x").statusCode()).isEqualTo(404);
    assertThat(json(docker.delete("/images/127.0.0.1:5999/nothere:1")).get("message").asString())
        .isEqualTo("No such image: 127.0.0.1:5999/nothere:1");
  }

  @Test
  void answersUnknownRoutesAndTooOldVersionsAsDockerdDoes() {
    HttpResponse<String> unknown = docker.get("/v1.44/images/bb/bogus");
    HttpResponse<String> tooOld = docker.get("/v1.12/images/json");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("{\"message\":\"page not found\"}");
    assertThat(tooOld.statusCode()).isEqualTo(400);
    assertThat(json(tooOld).get("message").asString()).startsWith("client version 1.12 is too old");
    assertThat(docker.get("/v1.99/images/json").statusCode()).isEqualTo(200);
  }

  @Test
  void answersMalformedParametersAndBodiesWithBadRequest() {
    HttpResponse<String> force = docker.delete("/images/bb?force=maybe");
    HttpResponse<String> login = docker.postJson("/auth", "{\"username\":");

    assertThat(force.statusCode()).isEqualTo(400);
    assertThat(force.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(json(force).get("message").asString()).contains("force");
    assertThat(login.statusCode()).isEqualTo(400);
    assertThat(json(login).get("message").isString()).isTrue();
  }

  @Test
  void showsHistoryNewestFirstWithTheSizeOfEachLayer() {
    DockerClient.push(REGISTRY.address(), "dockerapi/history", "1", "history");
    String id = docker.pulled("dockerapi/history", "1");
    long size = json(docker.get("/images/dockerapi/history:1/json")).get("Size").asLong();

    JsonNode history = json(docker.get("/v1.41/images/dockerapi/history:1/history"));

    assertThat(history).isNotEmpty();
    for (JsonNode row : history) {
      assertThat(row.propertyNames()).containsExactlyInAnyOrder("Id", "Created", "CreatedBy", "Tags", "Size", "Comment");
      assertThat(row.get("Created").isIntegralNumber()).isTrue();
    }
    assertThat(history.get(0).get("Id").asString()).isEqualTo(id);
    assertThat(strings(history.get(0).get("Tags"))).containsExactly("dockerapi/history:1");
    assertThat(StreamSupport.stream(history.spliterator(), false).skip(1))
        .allMatch(row -> row.get("Id").asString().equals("<missing>") && row.get("Tags").isNull());
    assertThat(StreamSupport.stream(history.spliterator(), false).mapToLong(row -> row.get("Size").asLong()).sum())
        .isEqualTo(size);
  }

  @Test
  void tagsAnImageUnderADockerHubQualifiedOrRegistryName() {
    DockerClient.push(REGISTRY.address(), "dockerapi/tag", "1", "tag");
    String id = docker.pulled("dockerapi/tag", "1");

    HttpResponse<String> hub = docker.post("/v1.41/images/dockerapi/tag:1/tag?repo=" + encode("docker.io/library/tagged")
        + "&tag=v2");
    HttpResponse<String> local = docker.post("/images/" + encode("dockerapi/tag:1") + "/tag?repo="
        + encode("127.0.0.1:5999/team/tagged"));

    assertThat(hub.statusCode()).isEqualTo(201);
    assertThat(hub.body()).isEmpty();
    assertThat(local.statusCode()).isEqualTo(201);
    assertThat(strings(json(docker.get("/images/" + id + "/json")).get("RepoTags")))
        .contains("tagged:v2", "127.0.0.1:5999/team/tagged:latest");
    assertThat(docker.post("/images/dockerapi/tag:1/tag?repo=Bad").statusCode()).isEqualTo(400);
  }

  @Test
  void removesATagThenTheImageListingWhatWasDone() {
    DockerClient.push(REGISTRY.address(), "dockerapi/rmi", "1", "rmi");
    String id = docker.pulled("dockerapi/rmi", "1");
    docker.post("/images/dockerapi/rmi:1/tag?repo=dockerapi/rmi&tag=2");
    docker.post("/images/dockerapi/rmi:1/tag?repo=dockerapi/other&tag=1");
    String repoDigest = strings(json(docker.get("/images/dockerapi/rmi:1/json")).get("RepoDigests")).getFirst();

    HttpResponse<String> conflict = docker.delete("/images/" + id.substring(7, 19));
    HttpResponse<String> untag = docker.delete("/v1.41/images/dockerapi/rmi:2");
    docker.delete("/images/dockerapi/other:1");
    HttpResponse<String> delete = docker.delete("/v1.41/images/dockerapi/rmi:1?force=0&noprune=0");

    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(json(conflict).get("message").asString()).startsWith("conflict: unable to delete");
    assertThat(untag.body()).isEqualTo("[{\"Untagged\":\"dockerapi/rmi:2\"}]");
    assertThat(delete.statusCode()).isEqualTo(200);
    assertThat(delete.body()).isEqualTo("[{\"Untagged\":\"dockerapi/rmi:1\"},{\"Untagged\":\"" + repoDigest + "\"},"
        + "{\"Deleted\":\"" + id + "\"}]");
    assertThat(docker.get("/images/" + id + "/json").statusCode()).isEqualTo(404);
  }

  @Test
  void prunesDanglingImagesWhichTheListShowsWithoutTags() {
    DockerClient.push(REGISTRY.address(), "dockerapi/prune", "1", "first");
    String first = docker.pulled("dockerapi/prune", "1");
    DockerClient.push(REGISTRY.address(), "dockerapi/prune", "1", "second");
    String second = docker.pulled("dockerapi/prune", "1");

    JsonNode dangling = StreamSupport.stream(json(docker.get("/images/json?filters="
        + encode("{\"dangling\":{\"true\":true}}"))).spliterator(), false)
        .filter(image -> image.get("Id").asString().equals(first)).findFirst().orElseThrow();
    HttpResponse<String> prune = docker.post("/v1.41/images/prune?filters=" + encode("{\"dangling\":{\"true\":true}}"));

    assertThat(second).isNotEqualTo(first);
    assertThat(dangling.get("RepoTags").isArray()).isTrue();
    assertThat(dangling.get("RepoTags")).isEmpty();
    assertThat(prune.statusCode()).isEqualTo(200);
    assertThat(json(prune).propertyNames()).containsExactlyInAnyOrder("ImagesDeleted", "SpaceReclaimed");
    assertThat(json(prune).get("ImagesDeleted").toString()).contains("{\"Deleted\":\"" + first + "\"}");
    assertThat(json(prune).get("SpaceReclaimed").asLong()).isPositive();
    assertThat(docker.get("/images/" + first + "/json").statusCode()).isEqualTo(404);
    assertThat(docker.get("/images/" + second + "/json").statusCode()).isEqualTo(200);
    assertThat(docker.post("/images/prune?filters=" + encode("{\"reference\":[\"x\"]}")).statusCode()).isEqualTo(400);
  }

  private List<String> ids(String filters) {
    return StreamSupport.stream(json(docker.get("/images/json?filters=" + encode(filters))).spliterator(), false)
        .map(image -> image.get("Id").asString()).toList();
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
  }
}
