package dev.berth.engine.dockerapi;

import static dev.berth.engine.dockerapi.DockerContainerFixtures.CREATED;
import static dev.berth.engine.dockerapi.DockerContainerFixtures.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.container.EngineException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerFilterTest {

  private static final String WEB_ID = "a1".repeat(32);
  private static final String JOB_ID = "b2".repeat(32);
  private static final DockerContainer WEB = container(WEB_ID, "web", """
      {"Image":"it/busybox:1","Cmd":["httpd"],"Labels":{"team":"x","tier":"front"},
       "HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8020"}]},"Binds":["data:/data"]}}""",
      "running", CREATED, null, null);
  private static final DockerContainer JOB = container(JOB_ID, "nightly-job", """
      {"Image":"busybox","Cmd":["true"],"Labels":{"team":"y"},"HostConfig":{"NetworkMode":"none"}}""",
      "exited", CREATED, CREATED.plusSeconds(1), 3);

  @Test
  void listsOnlyRunningContainersUnlessAllOrAStatusFilterIsGiven() {
    assertThat(listed("{}", false)).containsExactly("web");
    assertThat(listed("{}", true)).containsExactly("web", "nightly-job");
    assertThat(listed("{\"status\":{\"exited\":true}}", false)).containsExactly("nightly-job");
  }

  @Test
  void acceptsTheClisMapsAndDockerJavasLists() {
    assertThat(listed("{\"label\":{\"team=x\":true}}", true)).containsExactly("web");
    assertThat(listed("{\"label\":[\"team=y\"]}", true)).containsExactly("nightly-job");
  }

  @Test
  void labelValuesMustAllMatchAndAKeyAloneMatchesAnyValue() {
    assertThat(listed("{\"label\":[\"team\"]}", true)).containsExactly("web", "nightly-job");
    assertThat(listed("{\"label\":[\"team=x\",\"tier=front\"]}", true)).containsExactly("web");
    assertThat(listed("{\"label\":[\"team=x\",\"tier=back\"]}", true)).isEmpty();
    assertThat(listed("{\"label\":[\"from=image\"]}", true)).containsExactly("web", "nightly-job");
  }

  @Test
  void namesAndIdsAreRegularExpressionsFoundAnywhere() {
    assertThat(listed("{\"name\":[\"job\"]}", true)).containsExactly("nightly-job");
    assertThat(listed("{\"name\":[\"^/?web$\"]}", true)).containsExactly("web");
    assertThat(listed("{\"name\":[\"web\",\"job\"]}", true)).containsExactly("web", "nightly-job");
    assertThat(listed("{\"id\":[\"a1a1\"]}", true)).containsExactly("web");
  }

  @Test
  void filtersByAncestorExitCodeNetworkPortsAndVolume() {
    assertThat(listed("{\"ancestor\":[\"busybox:latest\"]}", true)).containsExactly("nightly-job");
    assertThat(listed("{\"ancestor\":[\"cccc\"]}", true)).containsExactly("web", "nightly-job");
    assertThat(listed("{\"exited\":[\"3\"]}", true)).containsExactly("nightly-job");
    assertThat(listed("{\"exited\":[\"0\"]}", true)).isEmpty();
    assertThat(listed("{\"network\":[\"none\"]}", true)).containsExactly("nightly-job");
    assertThat(listed("{\"publish\":[\"8020\"]}", true)).containsExactly("web");
    assertThat(listed("{\"publish\":[\"8000-8030/tcp\"]}", true)).containsExactly("web");
    assertThat(listed("{\"expose\":[\"80/tcp\"]}", true)).containsExactly("web");
    assertThat(listed("{\"volume\":[\"data\"]}", true)).containsExactly("web");
    assertThat(listed("{\"health\":[\"none\"]}", true)).containsExactly("web", "nightly-job");
    assertThat(listed("{\"health\":[\"healthy\"]}", true)).isEmpty();
  }

  @Test
  void beforeAndSinceCompareCreationTimes() {
    Map<String, Instant> created = Map.of("older", CREATED.plusSeconds(-5), "newer", CREATED.plusSeconds(5));
    assertThat(listed("{\"before\":[\"newer\"]}", true, created)).containsExactly("web", "nightly-job");
    assertThat(listed("{\"since\":[\"newer\"]}", true, created)).isEmpty();
    assertThat(listed("{\"since\":[\"older\"]}", true, created)).containsExactly("web", "nightly-job");
  }

  @Test
  void refusesUnknownFiltersAndStatuses() {
    assertThatThrownBy(() -> listed("{\"colour\":[\"red\"]}", true))
        .isInstanceOf(EngineException.InvalidArgument.class).hasMessage("invalid filter 'colour'");
    assertThatThrownBy(() -> listed("{\"status\":[\"sleeping\"]}", true))
        .isInstanceOf(EngineException.InvalidArgument.class).hasMessage("invalid filter 'status=sleeping'");
    assertThatThrownBy(() -> Filters.parse("{\"status\":\"running\"}"))
        .isInstanceOf(EngineException.InvalidArgument.class);
    assertThatThrownBy(() -> Filters.parse("not json")).isInstanceOf(EngineException.InvalidArgument.class);
  }

  @Test
  void aLimitAlsoListsStoppedContainers() {
    ContainerFilter filter = new ContainerFilter(Filters.none(), false, 1, reference -> CREATED);
    assertThat(filter.test(JOB, ContainerSummaryResponse.of(JOB, CREATED))).isTrue();
    assertThat(ContainerFilter.limit(List.of("a", "b"), 1)).containsExactly("a");
  }

  private static List<String> listed(String filters, boolean all) {
    return listed(filters, all, Map.of());
  }

  private static List<String> listed(String filters, boolean all, Map<String, Instant> created) {
    ContainerFilter filter = new ContainerFilter(Filters.parse(filters), all, -1, created::get);
    return List.of(WEB, JOB).stream()
        .filter(container -> filter.test(container, ContainerSummaryResponse.of(container, CREATED.plusSeconds(9))))
        .map(container -> container.record().name())
        .toList();
  }
}
