package dev.berth.image.dockerapi;

import dev.berth.image.progress.Progress;
import dev.berth.oci.Reference;
import java.util.List;

/**
 * The steps of a pull as Docker's JSON message stream, the lines dockerd sends for
 * {@code POST /images/create}: {@code Pulling from}, per layer {@code Already exists} or
 * {@code Pulling fs layer}, {@code Downloading} with byte counts and moby's progress bar,
 * {@code Verifying Checksum}, {@code Download complete}, {@code Pull complete}, then
 * {@code Digest: } and the {@code Status: } line docker-java requires last. Layers are not
 * unpacked here (node agents do it), so there is no {@code Extracting}.
 */
final class PullMessages extends JsonMessages {

  private final Reference reference;

  /** @param reference what is pulled; its repository path is what {@code Pulling from} names */
  PullMessages(Reference reference) {
    this.reference = reference;
  }

  /** What dockerd sends for {@code event}; nothing for steps that are not a pull's. */
  @Override
  List<JsonMessage> messages(Progress event) {
    return switch (event.status()) {
      case PULLING_FROM -> List.of(new JsonMessage("Pulling from " + reference.repository(), null, null,
          event.id(), null, null, null));
      case ALREADY_EXISTS -> List.of(JsonMessage.layer(event.id(), "Already exists"));
      case PULLING_FS_LAYER -> List.of(JsonMessage.layer(event.id(), "Pulling fs layer"));
      case DOWNLOADING -> List.of(JsonMessage.transfer(event.id(), "Downloading", event.current(), event.total()));
      case VERIFIED -> List.of(JsonMessage.layer(event.id(), "Verifying Checksum"),
          JsonMessage.layer(event.id(), "Download complete"));
      case PULL_COMPLETE -> List.of(JsonMessage.layer(event.id(), "Pull complete"));
      case DIGEST -> List.of(JsonMessage.status("Digest: " + event.detail()));
      case DOWNLOADED_NEWER_IMAGE -> List.of(JsonMessage.status("Status: Downloaded newer image for "
          + event.detail()));
      case IMAGE_IS_UP_TO_DATE -> List.of(JsonMessage.status("Status: Image is up to date for " + event.detail()));
      default -> List.of(); // steps of other transfers (pushes)
    };
  }
}
