package dev.berth.engine.dockerapi;

import dev.berth.engine.container.EngineException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which containers {@code GET /containers/json} lists, with dockerd's semantics: every filter key
 * must match (AND), any value of a key may match (OR) except {@code label}, whose values must all
 * match; {@code id} and {@code name} are regular expressions found anywhere; a {@code status}
 * filter or a limit lists stopped containers without {@code all}.
 */
final class ContainerFilter {

  static final Set<String> KEYS = Set.of("id", "name", "label", "status", "ancestor", "exited", "before", "since",
      "network", "publish", "expose", "health", "volume", "is-task");
  private static final Set<String> STATES = Set.of("created", "restarting", "running", "removing", "paused", "exited",
      "dead");
  private static final Set<String> HEALTH = Set.of("starting", "healthy", "unhealthy", "none");

  private final Filters filters;
  private final boolean all;
  private final Instant before;
  private final Instant since;

  /**
   * @param filters the filters asked for
   * @param all whether stopped containers are listed
   * @param limit the most containers asked for, 0 or less for no limit
   * @param createdAt when the container a {@code before} or {@code since} value names was created
   */
  ContainerFilter(Filters filters, boolean all, int limit, Function<String, Instant> createdAt) {
    this.filters = filters.only(KEYS);
    filters.get("status").stream().filter(status -> !STATES.contains(status)).findFirst().ifPresent(status -> {
      throw new EngineException.InvalidArgument("invalid filter 'status=" + status + "'");
    });
    filters.get("health").stream().filter(health -> !HEALTH.contains(health)).findFirst().ifPresent(health -> {
      throw new EngineException.InvalidArgument("invalid filter 'health=" + health + "'");
    });
    filters.get("exited").forEach(code -> {
      if (!code.matches("-?\\d+")) {
        throw new EngineException.InvalidArgument("invalid filter 'exited=" + code + "'");
      }
    });
    this.all = all || limit > 0 || filters.has("status");
    this.before = filters.get("before").stream().map(createdAt).min(Instant::compareTo).orElse(null);
    this.since = filters.get("since").stream().map(createdAt).max(Instant::compareTo).orElse(null);
  }

  /** Whether {@code container}, summarised as {@code summary}, is listed. */
  boolean test(DockerContainer container, ContainerSummaryResponse summary) {
    if (!all && !container.running()) {
      return false;
    }
    String id = container.record().id();
    String name = container.record().name();
    Instant created = container.record().createdAt();
    return anyMatches("id", value -> found(value, id))
        && anyMatches("name", value -> found(value, name) || found(value, "/" + name))
        && filters.get("label").stream().allMatch(label -> label(label, summary.labels()))
        && anyMatches("status", summary.state()::equals)
        && anyMatches("ancestor", value -> ancestor(value, container))
        && anyMatches("exited", code -> summary.state().equals("exited")
            && Integer.parseInt(code) == (container.record().exitCode() == null ? 0 : container.record().exitCode()))
        && (before == null || created.isBefore(before))
        && (since == null || created.isAfter(since))
        && anyMatches("network", value -> value.equals(container.networkName()))
        && anyMatches("publish", value -> ports(value).stream().anyMatch(port -> summary.ports().stream()
            .anyMatch(p -> p.publicPort() != null && p.publicPort() == port.port() && p.type().equals(port.protocol()))))
        && anyMatches("expose", value -> ports(value).stream().anyMatch(port -> summary.ports().stream()
            .anyMatch(p -> p.privatePort() == port.port() && p.type().equals(port.protocol()))))
        && anyMatches("health", "none"::equals)
        && anyMatches("volume", value -> summary.mounts().stream()
            .anyMatch(mount -> value.equals(mount.name()) || value.equals(mount.source())
                || value.equals(mount.destination())))
        && anyMatches("is-task", "false"::equals);
  }

  private boolean anyMatches(String key, Predicate<String> match) {
    return !filters.has(key) || filters.get(key).stream().anyMatch(match);
  }

  private static boolean found(String regex, String value) {
    try {
      return Pattern.compile(regex).matcher(value).find();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  /** {@code key} (the label is set) or {@code key=value} (it has that value). */
  private static boolean label(String filter, Map<String, String> labels) {
    int equals = filter.indexOf('=');
    if (equals < 0) {
      return labels.containsKey(filter);
    }
    return filter.substring(equals + 1).equals(labels.get(filter.substring(0, equals)));
  }

  /** An image reference as given ({@code busybox} is {@code busybox:latest}), or the image ID or a prefix of it. */
  private static boolean ancestor(String value, DockerContainer container) {
    String image = container.record().image();
    String imageId = container.record().imageId();
    return value.equals(image) || DockerCreateController.familiar(value).equals(DockerCreateController.familiar(image))
        || value.equals(imageId) || value.matches("[0-9a-f]{4,64}") && imageId.startsWith("sha256:" + value);
  }

  /** {@code 80}, {@code 80/udp} or a range {@code 8000-8010/tcp}. */
  private static Set<PortKey> ports(String value) {
    int slash = value.indexOf('/');
    String numbers = slash < 0 ? value : value.substring(0, slash);
    String protocol = slash < 0 ? "tcp" : value.substring(slash + 1);
    String[] range = numbers.split("-", 2);
    Set<PortKey> ports = new HashSet<>();
    try {
      int first = Integer.parseInt(range[0]);
      int last = range.length == 2 ? Integer.parseInt(range[1]) : first;
      for (int port = first; port <= last && port - first < 65536; port++) {
        ports.add(PortKey.parse(port + "/" + protocol));
      }
    } catch (NumberFormatException e) {
      throw new EngineException.InvalidArgument("invalid port specification: \"" + value + "\"");
    }
    return ports;
  }

  /** The containers listed, in the order given, at most {@code limit} of them when positive. */
  static <T> List<T> limit(List<T> listed, int limit) {
    return limit > 0 && listed.size() > limit ? listed.subList(0, limit) : listed;
  }
}
