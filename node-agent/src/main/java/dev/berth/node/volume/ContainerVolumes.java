package dev.berth.node.volume;

import java.util.List;

/**
 * The volumes one container uses, kept so that removing the container can remove its anonymous
 * volumes ({@code docker rm -v}) and a volume in use is not removed.
 *
 * @param containerId the container
 * @param named the named volumes it mounts
 * @param anonymous the anonymous volumes created for it
 */
public record ContainerVolumes(String containerId, List<String> named, List<String> anonymous) {

  /** Whether the container uses the volume {@code name}. */
  public boolean uses(String name) {
    return named.contains(name) || anonymous.contains(name);
  }
}
