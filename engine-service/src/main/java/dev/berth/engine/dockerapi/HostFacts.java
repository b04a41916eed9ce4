package dev.berth.engine.dockerapi;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code /info} says about the machine engine-service runs on, used where no node agent is up
 * to speak for its own host.
 *
 * @param name the host name
 * @param kernelVersion the kernel release
 * @param operatingSystem the distribution's {@code PRETTY_NAME}
 * @param osVersion the distribution's {@code VERSION_ID}
 * @param cgroupVersion {@code 1} or {@code 2}
 * @param cpus CPUs available
 * @param memoryBytes total memory
 */
record HostFacts(String name, String kernelVersion, String operatingSystem, String osVersion, String cgroupVersion,
    int cpus, long memoryBytes) {

  /** The facts of this machine, read from {@code /etc/os-release}, {@code /sys/fs/cgroup} and the JVM. */
  static HostFacts local() {
    return new HostFacts(hostName(), System.getProperty("os.version"),
        osRelease("PRETTY_NAME").orElse(System.getProperty("os.name")), osRelease("VERSION_ID").orElse(""),
        Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "2" : "1",
        Runtime.getRuntime().availableProcessors(), memory());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static long memory() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getTotalMemorySize() : Runtime.getRuntime().maxMemory();
  }

  private static Optional<String> osRelease(String key) {
    try {
      return Files.readAllLines(Path.of("/etc/os-release")).stream()
          .filter(line -> line.startsWith(key + "="))
          .map(line -> line.substring(key.length() + 1).replaceAll("^\"|\"$", ""))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
