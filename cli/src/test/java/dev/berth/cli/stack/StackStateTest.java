package dev.berth.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {

  @TempDir
  Path dir;

  @Test
  void remembersTheServicesTheirProbesAndProcessesAcrossASaveAndLoad() throws IOException {
    StackPlan plan = new StackPlan(List.of(
        new ServiceSpec("postgres", 5433, List.of("x"), Map.of(), dir.resolve("p.log"), null),
        new ServiceSpec("registry-service", 5000, List.of("x"), Map.of(), dir.resolve("r.log"), "/actuator/health")),
        List.of(), List.of());
    StackState state = StackState.of(plan);
    state.started("registry-service", ProcessHandle.current());
    state.ready(true);
    Path file = dir.resolve("berth.state");
    state.save(file);

    StackState loaded = StackState.load(file).orElseThrow();

    assertThat(loaded.services()).containsExactly("postgres", "registry-service");
    assertThat(loaded.ready()).isTrue();
    assertThat(loaded.spec("postgres").healthPath()).isNull();
    assertThat(loaded.spec("registry-service").port()).isEqualTo(5000);
    assertThat(loaded.spec("registry-service").healthPath()).isEqualTo("/actuator/health");
    assertThat(loaded.process("registry-service")).contains(ProcessHandle.current());
    assertThat(loaded.process("postgres")).isEmpty();
  }

  @Test
  void aRecycledPidIsNotTheProcessThatWasStarted() throws IOException {
    Path file = dir.resolve("berth.pid");
    Files.writeString(file, ProcessHandle.current().pid() + " 12345\n");

    assertThat(Processes.fromPidFile(file)).isEmpty();
    Processes.writePidFile(file, ProcessHandle.current());
    assertThat(Processes.fromPidFile(file)).contains(ProcessHandle.current());
  }
}
