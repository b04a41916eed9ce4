package dev.berth.node.event;

import dev.berth.node.volume.VolumeListener;
import java.io.IOException;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Records Docker's volume {@code create} and {@code destroy} events for the volumes the node makes and removes. */
@Component
class VolumeEvents implements VolumeListener {

  private static final Map<String, String> LOCAL = Map.of("driver", "local");

  private final EventLog events;

  VolumeEvents(EventLog events) {
    this.events = events;
  }

  @Override
  public void created(String name) throws IOException {
    events.append("volume", "create", name, LOCAL);
  }

  @Override
  public void destroyed(String name) throws IOException {
    events.append("volume", "destroy", name, LOCAL);
  }
}
