package dev.berth.node.network;

import dev.berth.node.api.ContainerStatus;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link Networks} set up for one container, persisted so that detach works from it alone.
 *
 * @param containerId the container
 * @param namespace its network namespace file, null in host mode
 * @param info its network as reported, with the host ports actually bound
 * @param cniConfig the CNI network configuration ADD ran with (DEL must see the same), null unless bridge mode
 * @param cniResult the result of ADD, null unless ADD completed
 */
record AttachmentState(String containerId, Path namespace, ContainerStatus.NetworkInfo info, ObjectNode cniConfig,
    JsonNode cniResult) {

  AttachmentState withResult(ContainerStatus.NetworkInfo attachedInfo, JsonNode result) {
    return new AttachmentState(containerId, namespace, attachedInfo, cniConfig, result);
  }
}
