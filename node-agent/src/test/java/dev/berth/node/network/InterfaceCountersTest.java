package dev.berth.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.node.api.ContainerStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfaceCountersTest {

  @Test
  void readsReceiveAndTransmitColumnsOfEveryInterfaceButLoopback() {
    List<String> procNetDev = List.of(
        "Inter-|   Receive                                                |  Transmit",
        " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed",
        "    lo:     140       2    0    0    0     0          0         0      140       2    0    0    0     0       0          0",
        "  eth0:   26158     190    1    2    0     0          0         0    12830      95    3    4    0     0       0          0");

    assertThat(InterfaceCounters.parse(procNetDev))
        .containsExactly(org.assertj.core.api.Assertions.entry("eth0",
            new ContainerStats.NetworkStats(26158, 190, 1, 2, 12830, 95, 3, 4)));
  }
}
