package dev.berth.node.bundle;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerStatus.NetworkInfo;
import dev.berth.oci.ImageConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * What a bundle is written from.
 *
 * @param containerId the container ID
 * @param spec what the container was created with
 * @param image the image's configuration
 * @param rootfs the absolute path of the mounted root filesystem
 * @param networkNamespace the network namespace file to join; null in host network mode, or for a new
 *     namespace of its own (network mode {@code none})
 * @param network the container's network attachment, or null
 * @param volumes the container's volumes resolved to host directories
 */
public record BundleRequest(String containerId, ContainerSpec spec, ImageConfig image, Path rootfs,
    Path networkNamespace, NetworkInfo network, List<VolumeMount> volumes) {
}
