package dev.berth.cli.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One process of the stack as the supervisor runs it.
 *
 * @param name the service's name, also its log's and data directory's
 * @param port the loopback port it listens on
 * @param command the full command line
 * @param environment set on top of the supervisor's own environment
 * @param log where its standard output and error go (appended)
 * @param healthPath the HTTP path that answers 200 when it is healthy; null for a plain TCP check
 */
public record ServiceSpec(String name, int port, List<String> command, Map<String, String> environment, Path log,
    String healthPath) {

  public ServiceSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }

  /** Where the service answers. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }
}
