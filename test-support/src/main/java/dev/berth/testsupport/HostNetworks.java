package dev.berth.testsupport;

import java.security.SecureRandom;

/**
 * Bridge networks for node agents under test: a subnet no interface of the host uses yet (suites
 * running at the same time must not route into each other), and removal of a suite's bridge when
 * it is done, so that none piles up on the host.
 */
public final class HostNetworks {

  private static final SecureRandom RANDOM = new SecureRandom();

  private HostNetworks() {
  }

  /** A {@code 10.X.Y} prefix of a /24 no host address lies in, for agents whose suites use {@code third} as Y. */
  public static synchronized String freeSubnet(int third) {
    String addresses = Commands.run("ip", "-4", "-o", "addr", "show");
    for (int attempt = 0; attempt < 200; attempt++) {
      String prefix = "10." + (100 + RANDOM.nextInt(150)) + "." + third;
      if (!addresses.contains(" " + prefix + ".")) {
        return prefix;
      }
    }
    throw new IllegalStateException("no free 10.x." + third + ".0/24 subnet on this host");
  }

  /** Removes the bridge {@code name} if it exists. */
  public static void deleteBridge(String name) {
    Commands.result(java.time.Duration.ofSeconds(30), java.util.List.of("ip", "link", "delete", name));
  }
}
