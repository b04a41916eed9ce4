package dev.berth.engine.dockerapi;

import static dev.berth.engine.dockerapi.DockerContainerFixtures.CREATED;
import static dev.berth.engine.dockerapi.DockerContainerFixtures.ID;
import static dev.berth.engine.dockerapi.DockerContainerFixtures.container;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.json.JsonContent;
import tools.jackson.databind.json.JsonMapper;

class DockerContainerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant STARTED = CREATED.plusSeconds(1);
  private static final String WEB = """
      {"Image":"it/busybox:1","Cmd":["sh","-c","echo hi; sleep 1000"],"Env":["A=1"],"Labels":{"team":"x"},
       "ExposedPorts":{"80/tcp":{},"443/tcp":{}},"Tty":false,
       "HostConfig":{"NetworkMode":"default","PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"8020"}]}}}""";

  @Test
  void statusTextFollowsMoby() {
    assertThat(container(ID, "c", WEB, "created", null, null, null).status(CREATED)).isEqualTo("Created");
    assertThat(container(ID, "c", WEB, "running", STARTED, null, null).status(STARTED.plusSeconds(4)))
        .isEqualTo("Up 4 seconds");
    assertThat(container(ID, "c", WEB, "running", STARTED, null, null).status(STARTED.plusSeconds(70)))
        .isEqualTo("Up About a minute");
    assertThat(container(ID, "c", WEB, "paused", STARTED, null, null).status(STARTED.plus(Duration.ofHours(2))))
        .isEqualTo("Up 2 hours (Paused)");
    Instant finished = STARTED.plusSeconds(10);
    assertThat(container(ID, "c", WEB, "exited", STARTED, finished, 0).status(finished.plus(Duration.ofMinutes(5))))
        .isEqualTo("Exited (0) 5 minutes ago");
    assertThat(container(ID, "c", WEB, "restarting", STARTED, finished, 1).status(finished.plusSeconds(2)))
        .isEqualTo("Restarting (1) 2 seconds ago");
    assertThat(container(ID, "c", WEB, "dead", STARTED, finished, 1).status(finished)).isEqualTo("Dead");
  }

  @Test
  void summaryHasTheShapeDockerPsReads() {
    ContainerSummaryResponse summary = ContainerSummaryResponse.of(
        container(ID, "web", WEB, "running", STARTED, null, null), STARTED.plusSeconds(4));
    JsonContent<Object> json = new JsonContent<>(getClass(), null, JSON.writeValueAsString(summary));
    assertThat(json).isStrictlyEqualToJson("""
        {"Id":"%s","Names":["/web"],"Image":"it/busybox:1","ImageID":"sha256:%s",
         "Command":"sh -c 'echo hi; sleep 1000'","Created":%d,
         "Ports":[{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8020,"Type":"tcp"},{"PrivatePort":443,"Type":"tcp"}],
         "Labels":{"from":"image","team":"x"},"State":"running","Status":"Up 4 seconds",
         "HostConfig":{"NetworkMode":"default"},
         "NetworkSettings":{"Networks":{"bridge":{"IPAMConfig":null,"Links":null,"Aliases":null,
           "MacAddress":"02:42:0a:58:00:02","NetworkID":"bridge","EndpointID":"","Gateway":"10.88.0.1",
           "IPAddress":"10.88.0.2","IPPrefixLen":24,"IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,
           "DriverOpts":null,"DNSNames":null}}},
         "Mounts":[]}""".formatted(ID, "c".repeat(64), CREATED.getEpochSecond()));
  }

  @Test
  void inspectHasTheShapeTheCliAndDockerJavaRead() {
    ContainerInspectResponse inspect = ContainerInspectResponse.of(container(ID, "web", WEB, "running", STARTED, null,
        null));
    JsonContent<Object> json = new JsonContent<>(getClass(), null, JSON.writeValueAsString(inspect));
    assertThat(json).extractingJsonPathStringValue("$.Created").isEqualTo("2026-11-28T01:38:08.63878696Z");
    assertThat(json).extractingJsonPathStringValue("$.Path").isEqualTo("sh");
    assertThat(json).extractingJsonPathArrayValue("$.Args").containsExactly("-c", "echo hi; sleep 1000");
    assertThat(json).isEqualToJson("""
        {"State":{"Status":"running","Running":true,"Paused":false,"Restarting":false,"OOMKilled":false,"Dead":false,
                  "Pid":4242,"ExitCode":0,"Error":"","StartedAt":"2026-11-28T01:38:09.63878696Z",
                  "FinishedAt":"0001-01-01T00:00:00Z"},
         "Image":"sha256:%s","Name":"/web","Driver":"overlay2","Platform":"linux",
         "HostConfig":{"NetworkMode":"default","PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"8020"}]},
                       "RestartPolicy":{"Name":"no","MaximumRetryCount":0},"AutoRemove":false},
         "Config":{"Hostname":"%s","Env":["A=1","PATH=/usr/bin:/bin"],"Cmd":["sh","-c","echo hi; sleep 1000"],
                   "Image":"it/busybox:1","Entrypoint":null,"Tty":false,"OpenStdin":false,
                   "ExposedPorts":{"443/tcp":{},"80/tcp":{}},"Labels":{"from":"image","team":"x"}},
         "NetworkSettings":{"Ports":{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8020"}],"443/tcp":null},
                            "IPAddress":"10.88.0.2","Gateway":"10.88.0.1","MacAddress":"02:42:0a:58:00:02"},
         "Mounts":[]}""".formatted("c".repeat(64), ID.substring(0, 12)));
  }

  @Test
  void aContainerNeverStartedHasNoPortsAndZeroTimes() {
    ContainerInspectResponse inspect = ContainerInspectResponse.of(container(ID, "c", WEB, "created", null, null,
        null));
    assertThat(inspect.state().startedAt()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(inspect.state().running()).isFalse();
    assertThat(inspect.networkSettings().ports()).isEmpty();
    assertThat(inspect.networkSettings().networks()).containsKey("bridge");
  }
}
