package dev.berth.node.network;

import dev.berth.node.sys.Syscalls;
import dev.berth.testsupport.Commands;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * One test's own network world: a bridge with a random name and a random /24, its own data and
 * namespace directories, and the "containers" (processes in namespaces) it started. Closing it
 * detaches everything, deletes the bridge and the directories, whatever the test did.
 */
final class TestBed implements AutoCloseable {

  final Path dataDir;
  final Path stateDir;
  final Path namespaceDir;
  final String bridge;
  final String subnetPrefix;
  final NetworkProperties properties;
  private final List<Networks> instances = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  private final List<AutoCloseable> resources = new ArrayList<>();

  TestBed() throws IOException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String suffix = random.ints(6, 0, 36).mapToObj(i -> Character.toString(Character.forDigit(i, 36)))
        .reduce("", String::concat);
    bridge = "bt" + suffix;
    subnetPrefix = "10." + random.nextInt(200, 255) + "." + random.nextInt(0, 256);
    dataDir = Files.createTempDirectory("berth-net-data");
    stateDir = Files.createTempDirectory("berth-net-state");
    namespaceDir = Files.createTempDirectory("berth-netns");
    properties = new NetworkProperties(bridge, subnetPrefix + ".0/24", subnetPrefix + ".1", Path.of("/usr/lib/cni"),
        namespaceDir, Duration.ofSeconds(30), Duration.ofSeconds(2));
  }

  /** A new agent's view of this bed's directories, as after a restart. */
  Networks networks() throws IOException {
    return networks(properties);
  }

  /** A new agent's view of this bed's directories with other network settings. */
  Networks networks(NetworkProperties settings) throws IOException {
    Networks networks = new Networks(dataDir.resolve("network"), stateDir.resolve("networks"), settings);
    instances.add(networks);
    return networks;
  }

  /** Starts {@code command} inside the namespace, as a container's process. */
  Process start(Path namespace, String... command) throws IOException {
    List<String> full = new ArrayList<>(List.of("nsenter", "--net=" + namespace));
    full.addAll(List.of(command));
    Process process = new ProcessBuilder(full).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    processes.add(process);
    return process;
  }

  /** Runs {@code command} inside the namespace to its end and returns its output; fails unless it succeeded. */
  static String run(Path namespace, String... command) {
    List<String> full = new ArrayList<>(List.of("nsenter", "--net=" + namespace));
    full.addAll(List.of(command));
    return Commands.run(full.toArray(String[]::new));
  }

  /** Creates a socket (or anything holding one) inside the namespace; it stays there, used from any thread. */
  <T extends AutoCloseable> T inNamespace(Path namespace, Callable<T> open) throws Exception {
    FutureTask<T> task = new FutureTask<>(() -> {
      int host = Syscalls.openReadOnly(Path.of("/proc/thread-self/ns/net"));
      int target = Syscalls.openReadOnly(namespace);
      try {
        Syscalls.setns(target, Syscalls.CLONE_NEWNET);
        try {
          return open.call();
        } finally {
          Syscalls.setns(host, Syscalls.CLONE_NEWNET);
        }
      } finally {
        Syscalls.close(target);
        Syscalls.close(host);
      }
    });
    Thread.ofPlatform().start(task);
    T resource = task.get();
    resources.add(resource);
    return resource;
  }

  /** An IPv4 address of the host that is neither loopback nor on a bridge tests or agents made. */
  static Optional<InetAddress> hostAddress() throws IOException {
    for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
      String name = nic.getName();
      if (nic.isUp() && !nic.isLoopback() && !name.startsWith("bt") && !name.startsWith("veth")
          && !name.startsWith("berth") && !name.startsWith("cni")) {
        Optional<InetAddress> address = nic.inetAddresses().filter(Inet4Address.class::isInstance).findFirst();
        if (address.isPresent()) {
          return address;
        }
      }
    }
    return Optional.empty();
  }

  /** The host-local allocation files of this bed's network. */
  List<Path> allocations() throws IOException {
    Path network = dataDir.resolve("network/ipam").resolve(bridge);
    if (!Files.isDirectory(network)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(network)) {
      return files.filter(file -> file.getFileName().toString().startsWith(subnetPrefix + ".")).toList();
    }
  }

  /** The iptables NAT rules the bridge plugin made for this bed's network. */
  String masqueradeRules() {
    return Commands.run("iptables", "-t", "nat", "-S").lines().filter(line -> line.contains(bridge))
        .reduce("", (a, b) -> a + b + "\n");
  }

  @Override
  public void close() throws Exception {
    for (Process process : processes) {
      process.destroyForcibly().waitFor();
    }
    for (AutoCloseable resource : resources) {
      resource.close();
    }
    instances.forEach(Networks::close);
    networks().readopt(Set.of());
    instances.forEach(Networks::close);
    Commands.result(Duration.ofSeconds(30), List.of("ip", "link", "del", bridge));
    delete(namespaceDir);
    delete(stateDir);
    delete(dataDir);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Syscalls.unmountIfMounted(file, Syscalls.MNT_DETACH);
        Files.delete(file);
      }
    }
  }
}
