package dev.berth.node.volume;

import java.io.IOException;

/** Told when {@link Volumes} creates or destroys a volume, so that the change can be reported. */
public interface VolumeListener {

  /** A volume was created (its directory made) under {@code name}. */
  void created(String name) throws IOException;

  /** The volume {@code name} and its content were removed. */
  void destroyed(String name) throws IOException;
}
