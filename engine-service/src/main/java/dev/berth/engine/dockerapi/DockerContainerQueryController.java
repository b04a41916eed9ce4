package dev.berth.engine.dockerapi;

import dev.berth.engine.container.ContainerEntity;
import dev.berth.engine.container.Containers;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /containers/json} ({@code docker ps}) and {@code GET /containers/{id}/json} ({@code docker inspect}). */
@RestController
class DockerContainerQueryController {

  private final Containers containers;
  private final ImageLookup images;
  private final Clock clock;

  DockerContainerQueryController(Containers containers, ImageLookup images, Clock clock) {
    this.containers = containers;
    this.images = images;
    this.clock = clock;
  }

  @GetMapping("/containers/json")
  List<ContainerSummaryResponse> list(@RequestParam(required = false) String all,
      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String size,
      @RequestParam(required = false) String filters, @RequestParam(required = false) String before,
      @RequestParam(required = false) String since) {
    Filters parsed = Filters.parse(filters);
    int max = limit == null ? -1 : limit;
    ContainerFilter filter = new ContainerFilter(legacy(parsed, before, since), flag(all), max,
        reference -> containers.get(reference).createdAt());
    Instant now = clock.instant();
    List<ContainerSummaryResponse> listed = containers.list().stream()
        .sorted(Comparator.comparing(ContainerEntity::createdAt).reversed())
        .map(record -> DockerContainer.of(record, images))
        .map(container -> {
          ContainerSummaryResponse summary = ContainerSummaryResponse.of(container, now);
          return filter.test(container, summary) ? summary : null;
        })
        .filter(Objects::nonNull)
        .map(summary -> flag(size) ? summary.withSizes(0) : summary)
        .toList();
    return ContainerFilter.limit(listed, max);
  }

  @GetMapping("/containers/{id}/json")
  ContainerInspectResponse inspect(@PathVariable String id) {
    return ContainerInspectResponse.of(DockerContainer.of(containers.get(id), images));
  }

  /** The old {@code before=} and {@code since=} parameters, as filters. */
  private static Filters legacy(Filters filters, String before, String since) {
    if (before == null && since == null) {
      return filters;
    }
    Map<String, List<String>> values = new LinkedHashMap<>(filters.values());
    if (before != null) {
      values.put("before", List.of(before));
    }
    if (since != null) {
      values.put("since", List.of(since));
    }
    return new Filters(values);
  }

  /** Docker's query booleans: {@code 1} or {@code true}; absent is false. */
  static boolean flag(String value) {
    return "1".equals(value) || "true".equalsIgnoreCase(value);
  }
}
