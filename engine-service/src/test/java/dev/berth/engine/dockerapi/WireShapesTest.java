package dev.berth.engine.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.container.ContainerExecs;
import dev.berth.node.api.ContainerStats;
import dev.berth.node.api.ExecSpec;
import dev.berth.node.api.ExecStatus;
import dev.berth.oci.OciJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Docker API bodies against golden JSON, as dockerd writes them. */
class WireShapesTest {

  private static final String ID = "63216f50416562f740a3fbbb10b7c1308f0974756e5670d21785daff2a98f4b2";

  @Test
  void writesAWaitResultWithANullError() {
    assertThat(json(new WaitResponse(137, null))).isEqualTo("{\"StatusCode\":137,\"Error\":null}");
    assertThat(json(new WaitResponse(-1, new WaitResponse.WaitError("gone"))))
        .isEqualTo("{\"StatusCode\":-1,\"Error\":{\"Message\":\"gone\"}}");
  }

  @Test
  void writesPruneAndTopAndExecCreateBodies() {
    assertThat(json(new PruneResponse(List.of(ID), 0)))
        .isEqualTo("{\"ContainersDeleted\":[\"" + ID + "\"],\"SpaceReclaimed\":0}");
    assertThat(json(new TopResponse(List.of("UID", "PID", "CMD"), List.of(List.of("root", "8936", "sleep 1000")))))
        .isEqualTo("{\"Titles\":[\"UID\",\"PID\",\"CMD\"],\"Processes\":[[\"root\",\"8936\",\"sleep 1000\"]]}");
    assertThat(json(new ExecCreateResponse(ID))).isEqualTo("{\"Id\":\"" + ID + "\"}");
  }

  @Test
  void readsAnExecCreateBodyWithDockerJavasNulls() {
    ExecCreateRequest request = OciJson.mapper().readValue("""
        {"AttachStdin":null,"AttachStdout":true,"AttachStderr":true,"Tty":null,"Cmd":["sh","-c","true"],
         "Env":null,"User":"","WorkingDir":"","Privileged":false,"DetachKeys":"","ConsoleSize":[40,100]}""",
        ExecCreateRequest.class);

    assertThat(request.cmd()).containsExactly("sh", "-c", "true");
    assertThat(request.attachStdout()).isTrue();
    assertThat(request.tty()).isNull();
  }

  @Test
  void writesAnExecAsDockerInspectsIt() {
    ContainerExecs.Exec exec = new ContainerExecs.Exec("eebade5d", "n1", "agent-exec", ID,
        new ExecSpec(List.of("sh", "-c", "exit 4"), List.of(), null, null, false, false), false, true, true, "");

    assertThat(tree(ExecInspectResponse.of(exec, new ExecStatus("agent-exec", ID, exec.spec(), false, 0, 4))))
        .isEqualTo(OciJson.mapper().readTree("""
            {"ID":"eebade5d","Running":false,"ExitCode":4,
             "ProcessConfig":{"tty":false,"entrypoint":"sh","arguments":["-c","exit 4"],"privileged":false,"user":""},
             "OpenStdin":false,"OpenStderr":true,"OpenStdout":true,"CanRemove":false,"ContainerID":"%s",
             "DetachKeys":"","Pid":0}""".formatted(ID)));
    assertThat(json(ExecInspectResponse.of(exec, new ExecStatus("agent-exec", ID, exec.spec(), true, 12934, null))))
        .contains("\"Running\":true,\"ExitCode\":null");
  }

  @Test
  void writesStatsTheDockerCliComputesItsColumnsFrom() {
    ContainerStats before = new ContainerStats(Instant.parse("2026-11-28T01:38:43.752Z"), 1_000_000, 600_000,
        400_000, 10_000_000, 2, 0, 0, 0, 0, 0, Map.of(), 0, 0);
    ContainerStats now = new ContainerStats(Instant.parse("2026-11-28T01:38:44.757Z"), 2_000_000, 1_200_000,
        800_000, 20_000_000, 2, 10_485_760, 104_857_600, 4096, 3, 0,
        Map.of("eth0", new ContainerStats.NetworkStats(1000, 10, 0, 0, 2000, 20, 0, 0)), 512, 1024);

    assertThat(tree(StatsResponse.of("web", ID, now, before))).isEqualTo(OciJson.mapper().readTree("""
        {"read":"2026-11-28T01:38:44.757Z","preread":"2026-11-28T01:38:43.752Z",
         "pids_stats":{"current":3},
         "blkio_stats":{"io_service_bytes_recursive":[{"major":0,"minor":0,"op":"read","value":512},
                                                      {"major":0,"minor":0,"op":"write","value":1024}]},
         "num_procs":0,"storage_stats":{},
         "cpu_stats":{"cpu_usage":{"total_usage":2000000,"usage_in_kernelmode":800000,"usage_in_usermode":1200000},
                      "system_cpu_usage":20000000,"online_cpus":2,
                      "throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}},
         "precpu_stats":{"cpu_usage":{"total_usage":1000000,"usage_in_kernelmode":400000,"usage_in_usermode":600000},
                         "system_cpu_usage":10000000,"online_cpus":2,
                         "throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}},
         "memory_stats":{"usage":10485760,"limit":104857600,"stats":{"cache":4096}},
         "name":"/web","id":"%s",
         "networks":{"eth0":{"rx_bytes":1000,"rx_packets":10,"rx_errors":0,"rx_dropped":0,
                             "tx_bytes":2000,"tx_packets":20,"tx_errors":0,"tx_dropped":0}}}""".formatted(ID)));
  }

  @Test
  void writesAFirstStatsReadingWithAnEmptyPreviousOne() {
    ContainerStats now = new ContainerStats(Instant.parse("2026-11-28T01:38:44.757Z"), 2_000_000, 0, 0, 20_000_000,
        2, 1, 2, 0, 1, 100, Map.of(), 0, 0);

    JsonNode stats = tree(StatsResponse.of("web", ID, now, null));

    assertThat(stats.path("preread").asString()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(stats.path("precpu_stats")).isEqualTo(OciJson.mapper().readTree("""
        {"cpu_usage":{"total_usage":0,"usage_in_kernelmode":0,"usage_in_usermode":0},
         "throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}}"""));
    assertThat(stats.path("pids_stats")).isEqualTo(OciJson.mapper().readTree("{\"current\":1,\"limit\":100}"));
  }

  @Test
  void writesANodeEventWithTheLegacyFields() {
    EventMessage event = EventMessage.of(Instant.parse("2026-11-28T01:39:26.324358258Z"), "container", "die", ID,
        Map.of("exitCode", "0", "image", "bb:latest", "name", "awesome_shannon"));

    assertThat(tree(event)).isEqualTo(OciJson.mapper().readTree("""
        {"status":"die","id":"%1$s","from":"bb:latest","Type":"container","Action":"die",
         "Actor":{"ID":"%1$s","Attributes":{"exitCode":"0","image":"bb:latest","name":"awesome_shannon"}},
         "scope":"local","time":1795829966,"timeNano":1795829966324358258}""".formatted(ID)));
    assertThat(json(event)).startsWith("{\"status\":\"die\",\"id\":");
  }

  @Test
  void leavesTheLegacyFieldsOutOfOtherEvents() {
    EventMessage event = EventMessage.of(Instant.EPOCH, "network", "connect", "net1", Map.of());

    assertThat(tree(event).has("status")).isFalse();
    assertThat(tree(event).has("from")).isFalse();
  }

  private static String json(Object value) {
    return OciJson.mapper().writeValueAsString(value);
  }

  /** The value as written on the wire, read back as a tree to compare with golden JSON. */
  private static JsonNode tree(Object value) {
    return OciJson.mapper().readTree(json(value));
  }
}
