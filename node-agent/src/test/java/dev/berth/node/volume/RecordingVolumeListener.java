package dev.berth.node.volume;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what {@link Volumes} told it as {@code "create <name>"} and {@code "destroy <name>"}. */
public final class RecordingVolumeListener implements VolumeListener {

  private final List<String> told = new CopyOnWriteArrayList<>();

  @Override
  public void created(String name) {
    told.add("create " + name);
  }

  @Override
  public void destroyed(String name) {
    told.add("destroy " + name);
  }

  public List<String> told() {
    return told;
  }
}
