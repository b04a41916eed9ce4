package dev.berth.node.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BridgeNetworkTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void readsAddressGatewayAndMacOfTheContainerInterfaceFromAnAddResult() throws Exception {
    String result = """
        {"cniVersion":"1.0.0",
         "interfaces":[{"name":"berth0","mac":"aa:aa:aa:aa:aa:aa"},{"name":"veth1","mac":"bb:bb:bb:bb:bb:bb"},
                       {"name":"eth0","mac":"0a:58:0a:59:00:02","sandbox":"/run/berth/netns/c1"}],
         "ips":[{"interface":2,"address":"10.89.0.2/16","gateway":"10.89.0.1"}],
         "routes":[{"dst":"0.0.0.0/0"}],"dns":{}}""";

    assertThat(BridgeNetwork.address(json.readTree(result)))
        .isEqualTo(new BridgeNetwork.Address("10.89.0.2", 16, "10.89.0.1", "0a:58:0a:59:00:02"));
  }

  @Test
  void rejectsAResultWithoutAnIpv4Address() {
    assertThatThrownBy(() -> BridgeNetwork.address(json.readTree("{\"ips\":[{\"address\":\"fd00::2/64\"}]}")))
        .isInstanceOf(CniException.class)
        .hasMessageContaining("no IPv4 address");
  }
}
