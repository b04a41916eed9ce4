package dev.berth.image.dockerapi;

import dev.berth.image.progress.Progress;
import java.util.List;

/**
 * The steps of a push as Docker's JSON message stream, the lines dockerd sends for
 * {@code POST /images/{name}/push}: {@code The push refers to repository [...]}, per layer
 * {@code Preparing}, {@code Pushing} with byte counts, {@code Layer already exists},
 * {@code Mounted from ...} or {@code Pushed}, then {@code <tag>: digest: <digest> size: <n>} and
 * the {@code aux} message carrying the same for the client.
 */
final class PushMessages extends JsonMessages {

  @Override
  List<JsonMessage> messages(Progress event) {
    return switch (event.status()) {
      case PUSH_REFERS_TO -> List.of(JsonMessage.status("The push refers to repository [" + event.detail() + "]"));
      case PREPARING -> List.of(JsonMessage.layer(event.id(), "Preparing"));
      case PUSHING -> List.of(JsonMessage.transfer(event.id(), "Pushing", event.current(), event.total()));
      case LAYER_ALREADY_EXISTS -> List.of(JsonMessage.layer(event.id(), "Layer already exists"));
      case MOUNTED_FROM -> List.of(JsonMessage.layer(event.id(), "Mounted from " + event.detail()));
      case PUSHED -> List.of(JsonMessage.layer(event.id(), "Pushed"));
      case PUSH_DIGEST -> List.of(
          JsonMessage.status(event.id() + ": digest: " + event.detail() + " size: " + event.total()),
          new JsonMessage(null, new JsonMessage.ProgressDetail(null, null), null, null, null, null,
              new JsonMessage.PushResult(event.id(), event.detail(), event.total())));
      default -> List.of(); // steps of other transfers (pulls)
    };
  }
}
