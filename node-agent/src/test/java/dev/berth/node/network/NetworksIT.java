package dev.berth.node.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.berth.node.api.ContainerStats;
import dev.berth.node.api.PortBinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetworksIT {

  private static final int LARGE = 20 * 1024 * 1024;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private TestBed bed;
  private Networks networks;

  @BeforeEach
  void setUp() throws IOException {
    bed = new TestBed();
    networks = bed.networks();
  }

  @AfterEach
  void tearDown() throws Exception {
    bed.close();
  }

  @Test
  void noneModeLeavesTheNewNamespaceToTheRuntimeAndPublishesNoPorts() throws IOException {
    NetworkAttachment attachment = networks.attach("c-none", "none", List.of(new PortBinding(80, "tcp", "", 0)));

    assertThat(attachment.namespacePath()).isNull();
    assertThat(bed.namespaceDir.resolve("c-none")).doesNotExist();
    assertThat(attachment.info().mode()).isEqualTo("none");
    assertThat(attachment.info().ipAddress()).isNull();
    assertThat(attachment.info().ports()).isEmpty();
    assertThat(networks.info("c-none")).contains(attachment.info());

    networks.detach("c-none");
    assertThat(networks.info("c-none")).isEmpty();
  }

  @Test
  void hostModeKeepsTheHostsNamespace() throws IOException {
    NetworkAttachment attachment = networks.attach("c-host", "host", List.of());

    assertThat(attachment.namespacePath()).isNull();
    assertThat(networks.info("c-host")).map(info -> info.mode()).contains("host");
    assertThat(networks.counters("c-host", (int) ProcessHandle.current().pid())).isEmpty();
    networks.detach("c-host");
    assertThat(networks.info("c-host")).isEmpty();
  }

  @Test
  void bridgeContainersReachEachOtherAndTheHostReachesThem() throws Exception {
    NetworkAttachment one = networks.attach("c-one", null, List.of());
    NetworkAttachment two = networks.attach("c-two", "bridge", List.of());
    serve(one, "hello from one");
    serve(two, "hello from two");

    assertThat(one.info().ipAddress()).startsWith(bed.subnetPrefix + ".").isNotEqualTo(two.info().ipAddress());
    assertThat(one.info().prefixLength()).isEqualTo(24);
    assertThat(one.info().gateway()).isEqualTo(bed.subnetPrefix + ".1");
    assertThat(one.info().macAddress()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    assertThat(TestBed.run(one.namespacePath(), "busybox", "wget", "-q", "-O", "-",
        "http://" + two.info().ipAddress() + "/index.html")).isEqualTo("hello from two");
    assertThat(TestBed.run(two.namespacePath(), "busybox", "wget", "-q", "-O", "-",
        "http://" + one.info().ipAddress() + "/index.html")).isEqualTo("hello from one");
    assertThat(get("http://" + one.info().ipAddress() + "/index.html")).isEqualTo("hello from one");
  }

  @Test
  void publishedTcpPortServesLargeFilesOnLoopbackAndOnTheHostsAddress() throws Exception {
    NetworkAttachment attachment = networks.attach("c-web", "bridge", List.of(new PortBinding(80, "tcp", "", 0)));
    byte[] large = new byte[LARGE];
    new Random(7).nextBytes(large);
    Path root = serve(attachment, "small");
    Files.write(root.resolve("large.bin"), large);
    PortBinding published = attachment.info().ports().getFirst();

    assertThat(published.hostPort()).isPositive();
    assertThat(published).isEqualTo(new PortBinding(80, "tcp", "0.0.0.0", published.hostPort()));
    assertThat(sha256(fetch("http://127.0.0.1:" + published.hostPort() + "/large.bin"))).isEqualTo(sha256(large));
    Optional<InetAddress> hostAddress = TestBed.hostAddress();
    assumeThat(hostAddress).isPresent();
    assertThat(get("http://" + hostAddress.get().getHostAddress() + ":" + published.hostPort() + "/index.html"))
        .isEqualTo("small");
  }

  @Test
  void tcpProxyPassesDataAndHalfCloseInBothDirections() throws Exception {
    NetworkAttachment attachment = networks.attach("c-echo", "bridge", List.of(new PortBinding(7000, "tcp", "127.0.0.1", 0)));
    ServerSocket echo = bed.inNamespace(attachment.namespacePath(), () -> new ServerSocket(7000));
    Thread.ofVirtual().start(() -> {
      try (Socket socket = echo.accept()) {
        socket.getInputStream().transferTo(socket.getOutputStream());
        socket.shutdownOutput();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    byte[] large = new byte[LARGE];
    new Random(11).nextBytes(large);

    try (Socket client = new Socket("127.0.0.1", attachment.info().ports().getFirst().hostPort())) {
      Thread writer = Thread.ofVirtual().start(() -> {
        try {
          OutputStream out = client.getOutputStream();
          out.write(large);
          client.shutdownOutput();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      byte[] echoed = client.getInputStream().readAllBytes();
      writer.join();
      assertThat(sha256(echoed)).isEqualTo(sha256(large));
    }
  }

  @Test
  void publishedUdpPortRelaysDatagramsBothWays() throws Exception {
    NetworkAttachment attachment = networks.attach("c-udp", "bridge", List.of(new PortBinding(7001, "udp", "", 0)));
    DatagramSocket echo = bed.inNamespace(attachment.namespacePath(), () -> new DatagramSocket(7001));
    Thread.ofVirtual().start(() -> {
      DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
      while (!echo.isClosed()) {
        try {
          echo.receive(packet);
          echo.send(packet);
        } catch (IOException closed) {
          return;
        }
      }
    });
    PortBinding published = attachment.info().ports().getFirst();
    assertThat(published.protocol()).isEqualTo("udp");

    try (DatagramSocket client = new DatagramSocket()) {
      client.setSoTimeout(5000);
      for (String message : List.of("ping", "pong")) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        client.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", published.hostPort())));
        DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
        client.receive(reply);
        assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8)).isEqualTo(message);
      }
    }
  }

  @Test
  void portInUseFailsClearlyAndLeavesNothingBehind() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(0));
      List<PortBinding> ports = List.of(new PortBinding(81, "tcp", "", 0), new PortBinding(80, "tcp", "", taken.getLocalPort()));

      assertThatThrownBy(() -> networks.attach("c-busy", "bridge", ports))
          .isInstanceOf(PortUnavailableException.class)
          .hasMessageContaining("0.0.0.0:" + taken.getLocalPort() + "/tcp");
    }
    assertThat(networks.info("c-busy")).isEmpty();
    assertThat(bed.namespaceDir).isEmptyDirectory();
    assertThat(bed.allocations()).isEmpty();
  }

  @Test
  void cniErrorsBecomeClearExceptionsAndLeaveNothingBehind() throws Exception {
    NetworkProperties invalid = new NetworkProperties(bed.bridge, "10.300.0.0/24", "10.300.0.1",
        bed.properties.pluginDir(), bed.namespaceDir, Duration.ofSeconds(30), Duration.ofSeconds(2));
    Networks broken = bed.networks(invalid);

    assertThatThrownBy(() -> broken.attach("c-bad", "bridge", List.of()))
        .isInstanceOf(CniException.class)
        .hasMessageContaining("CNI bridge ADD for container 'c-bad' failed")
        .hasMessageContaining("10.300.0.0/24");
    assertThat(bed.namespaceDir).isEmptyDirectory();
    assertThat(broken.info("c-bad")).isEmpty();
  }

  @Test
  void detachReleasesPortNamespaceAllocationAndMasqueradingAndCanBeRepeated() throws Exception {
    NetworkAttachment attachment = networks.attach("c-gone", "bridge", List.of(new PortBinding(80, "tcp", "", 0)));
    int port = attachment.info().ports().getFirst().hostPort();
    assertThat(bed.allocations()).hasSize(1);
    assertThat(bed.masqueradeRules()).isNotEmpty();

    networks.detach("c-gone");
    networks.detach("c-gone");

    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress(port));
    }
    assertThat(attachment.namespacePath()).doesNotExist();
    assertThat(bed.allocations()).isEmpty();
    assertThat(bed.masqueradeRules()).isEmpty();
    assertThat(networks.info("c-gone")).isEmpty();
  }

  @Test
  void adoptsTheAttachmentsAnEarlierAgentKeptOnTheDataDisk() throws Exception {
    Path formerDir = bed.dataDir.resolve("network/containers");
    Networks earlier = new Networks(bed.dataDir.resolve("network"), formerDir, bed.properties);
    NetworkAttachment attachment = earlier.attach("c-earlier", "bridge", List.of());
    earlier.close();
    assertThat(formerDir.resolve("c-earlier.json")).exists();

    Networks restarted = bed.networks();
    restarted.readopt(Set.of("c-earlier"));

    assertThat(restarted.info("c-earlier")).contains(attachment.info());
    assertThat(formerDir).doesNotExist();
    assertThat(bed.allocations()).singleElement()
        .satisfies(file -> assertThat(file.getFileName().toString()).isEqualTo(attachment.info().ipAddress()));
    restarted.detach("c-earlier");
    assertThat(bed.allocations()).isEmpty();
  }

  @Test
  void readoptRestoresPortsOfRunningContainersAndCleansUpEverythingElse() throws Exception {
    NetworkAttachment running = networks.attach("c-running", "bridge", List.of(new PortBinding(80, "tcp", "", 0)));
    NetworkAttachment stopped = networks.attach("c-stopped", "bridge", List.of(new PortBinding(80, "tcp", "", 0)));
    networks.attach("c-none", "none", List.of());
    NetworkAttachment runningNone = networks.attach("c-running-none", "none", List.of());
    networks.attach("c-running-host", "host", List.of());
    Path orphan = new NetworkNamespaces(bed.namespaceDir).create("c-orphan");
    serve(running, "still here");
    String url = "http://127.0.0.1:" + running.info().ports().getFirst().hostPort() + "/index.html";
    assertThat(get(url)).isEqualTo("still here");
    networks.close();
    assertThatThrownBy(() -> get(url)).isInstanceOf(IOException.class);

    Networks restarted = bed.networks();
    restarted.readopt(Set.of("c-running", "c-running-none", "c-running-host"));

    assertThat(get(url)).isEqualTo("still here");
    assertThat(restarted.info("c-running")).contains(running.info());
    assertThat(restarted.info("c-running-none")).contains(runningNone.info());
    assertThat(restarted.info("c-running-host")).map(info -> info.mode()).contains("host");
    assertThat(restarted.info("c-stopped")).isEmpty();
    assertThat(restarted.info("c-none")).isEmpty();
    assertThat(stopped.namespacePath()).doesNotExist();
    assertThat(orphan).doesNotExist();
    assertThat(bed.allocations()).singleElement()
        .satisfies(file -> assertThat(file.getFileName().toString()).isEqualTo(running.info().ipAddress()));
    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress(stopped.info().ports().getFirst().hostPort()));
    }
  }

  @Test
  void countersShowTheTrafficOfTheContainersInterface() throws Exception {
    NetworkAttachment attachment = networks.attach("c-count", "bridge", List.of());
    serve(attachment, "counted");
    Process process = bed.start(attachment.namespacePath(), "busybox", "sleep", "60");
    get("http://" + attachment.info().ipAddress() + "/index.html");

    Map<String, ContainerStats.NetworkStats> counters = networks.counters("c-count", (int) process.pid());

    assertThat(counters).containsOnlyKeys("eth0");
    assertThat(counters.get("eth0").rxBytes()).isPositive();
    assertThat(counters.get("eth0").rxPackets()).isPositive();
    assertThat(counters.get("eth0").txBytes()).isPositive();
    assertThat(counters.get("eth0").txPackets()).isPositive();
  }

  private Path serve(NetworkAttachment attachment, String index) throws Exception {
    Path root = Files.createDirectories(bed.dataDir.resolve("www-" + attachment.info().ipAddress()));
    Files.writeString(root.resolve("index.html"), index);
    bed.start(attachment.namespacePath(), "busybox", "httpd", "-f", "-p", "80", "-h", root.toString());
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      try {
        TestBed.run(attachment.namespacePath(), "busybox", "wget", "-q", "-O", "/dev/null",
            "http://127.0.0.1/index.html");
        return root;
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(20);
      }
    }
  }

  private String get(String url) throws IOException, InterruptedException {
    return new String(fetch(url), StandardCharsets.UTF_8);
  }

  private byte[] fetch(String url) throws IOException, InterruptedException {
    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      assertThat(response.statusCode()).isEqualTo(200);
      return body.readAllBytes();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

}
