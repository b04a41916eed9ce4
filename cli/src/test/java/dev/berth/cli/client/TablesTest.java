package dev.berth.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TablesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void listsOneRowPerTagWithTheShortIdAgeAndDecimalSize() {
    List<JsonNode> images = array("""
        [{"id":"sha256:2793e81797571fed0b7808687eb292e56e6de044ffcec1ba94d35f88dba2daee",
          "repoTags":["busybox:latest","127.0.0.1:5000/team/box:1"],"created":"2026-11-28T09:00:00Z","size":1982256},
         {"id":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","repoTags":[],
          "created":"2026-11-20T12:00:00Z","size":512}]
        """);

    List<String> lines = Tables.images(images, NOW).lines().toList();

    assertThat(lines).extracting(line -> List.of(line.split(" {2,}"))).containsExactly(
        List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"),
        List.of("busybox", "latest", "2793e8179757", "3 hours ago", "1.98MB"),
        List.of("127.0.0.1:5000/team/box", "1", "2793e8179757", "3 hours ago", "1.98MB"),
        List.of("<none>", "<none>", "aaaaaaaaaaaa", "1 week ago", "512B"));
    assertThat(lines).allSatisfy(line -> assertThat(line.indexOf(line.contains("REPOSITORY") ? "IMAGE ID" : "aaaa")
        < 0 ? line.indexOf("2793e8179757") : line.indexOf(line.contains("REPOSITORY") ? "IMAGE ID" : "aaaa"))
        .isEqualTo(lines.getFirst().indexOf("IMAGE ID")));
  }

  @Test
  void showsRunningContainersUnlessAllAreAskedFor() {
    List<JsonNode> containers = array("""
        [{"id":"6688358257b17d316f33d42ebef60c464d48081ce4c1175e770eb28768a30df1","name":"web","image":"httpd",
          "state":"running","node":"vm","createdAt":"2026-11-28T11:58:00Z"},
         {"id":"77aa","name":"old","image":"busybox","state":"exited","node":"vm","createdAt":"2026-11-26T12:00:00Z"}]
        """);

    assertThat(Tables.containers(containers, false, NOW).lines().map(line -> List.of(line.split(" {2,}"))))
        .containsExactly(List.of("CONTAINER ID", "IMAGE", "CREATED", "STATE", "NODE", "NAME"),
            List.of("6688358257b1", "httpd", "2 minutes ago", "running", "vm", "web"));
    assertThat(Tables.containers(containers, true, NOW).lines().map(line -> List.of(line.split(" {2,}"))))
        .contains(List.of("77aa", "busybox", "2 days ago", "exited", "vm", "old"));
  }

  @Test
  void sizesAndAgesReadLikeTheDockerCli() {
    assertThat(Tables.size(999)).isEqualTo("999B");
    assertThat(Tables.size(1_000)).isEqualTo("1.00kB");
    assertThat(Tables.size(256_000_000)).isEqualTo("256MB");
    assertThat(Tables.ago("2026-11-28T11:59:30Z", NOW)).isEqualTo("Less than a minute ago");
    assertThat(Tables.ago("2026-11-28T11:00:00Z", NOW)).isEqualTo("1 hour ago");
    assertThat(Tables.ago("2025-10-01T00:00:00Z", NOW)).isEqualTo("1 year ago");
  }

  private static List<JsonNode> array(String json) {
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(json).forEach(items::add);
    return items;
  }
}
