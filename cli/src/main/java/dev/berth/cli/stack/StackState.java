package dev.berth.cli.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code berth.state}: what the supervisor runs, for {@code status} and {@code down} — the
 * services in start order, each one's port, health path and process (pid and start time, so a
 * recycled pid is never mistaken for it), and whether the stack has come up. Written whole and
 * renamed into place, so a reader never sees half of it.
 */
public final class StackState {

  private final Properties properties;

  private StackState(Properties properties) {
    this.properties = properties;
  }

  /** The state of a stack about to start {@code plan}. */
  public static StackState of(StackPlan plan) {
    Properties properties = new Properties();
    properties.setProperty("services", String.join(",", plan.services().stream().map(ServiceSpec::name).toList()));
    for (ServiceSpec service : plan.services()) {
      properties.setProperty(service.name() + ".port", Integer.toString(service.port()));
      properties.setProperty(service.name() + ".health", service.healthPath() == null ? "" : service.healthPath());
    }
    properties.setProperty("ready", "false");
    return new StackState(properties);
  }

  /** The state in {@code file}, if there is one. */
  public static Optional<StackState> load(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return Optional.of(new StackState(properties));
  }

  /** Writes the state to {@code file} atomically. */
  public synchronized void save(Path file) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temp)) {
      properties.store(writer, "berth: the processes of this stack");
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The services in start order. */
  public List<String> services() {
    String services = properties.getProperty("services", "");
    return services.isEmpty() ? List.of() : Arrays.asList(services.split(","));
  }

  /** {@code name} as {@link Health} probes it (its command is not needed for that). */
  public ServiceSpec spec(String name) {
    String health = properties.getProperty(name + ".health", "");
    return new ServiceSpec(name, Integer.parseInt(properties.getProperty(name + ".port", "0")), List.of(),
        java.util.Map.of(), Path.of(name + ".log"), health.isEmpty() ? null : health);
  }

  /** Records that {@code name} now runs as {@code process}. */
  public synchronized void started(String name, ProcessHandle process) {
    properties.setProperty(name + ".pid", Long.toString(process.pid()));
    properties.setProperty(name + ".start", Long.toString(Processes.startMillis(process)));
  }

  /** The process {@code name} was last started as, if it still runs. */
  public Optional<ProcessHandle> process(String name) {
    String pid = properties.getProperty(name + ".pid");
    String start = properties.getProperty(name + ".start");
    if (pid == null || start == null) {
      return Optional.empty();
    }
    return Processes.find(Long.parseLong(pid), Long.parseLong(start));
  }

  public synchronized void ready(boolean ready) {
    properties.setProperty("ready", Boolean.toString(ready));
  }

  public boolean ready() {
    return Boolean.parseBoolean(properties.getProperty("ready", "false"));
  }
}
