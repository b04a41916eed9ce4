package dev.berth.registry.upload;

import dev.berth.oci.DigestAlgorithm;
import java.security.MessageDigest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Running SHA-256 states of upload sessions, so that a chunked upload is hashed once, as it
 * arrives. A state is only trusted when it covers exactly the bytes in the session's file; else
 * (after a restart, or on another replica) the file is hashed again at completion.
 */
@Component
class UploadHashes {

  private record State(MessageDigest digest, long offset) {
  }

  private final Map<UUID, State> states = new ConcurrentHashMap<>();

  /** A digest to continue hashing a session at {@code offset}, or null when none covers it. */
  MessageDigest resume(UUID id, long offset) {
    if (offset == 0) {
      return DigestAlgorithm.SHA256.newMessageDigest();
    }
    State state = states.remove(id);
    return state != null && state.offset() == offset ? state.digest() : null;
  }

  void save(UUID id, MessageDigest digest, long offset) {
    if (digest != null) {
      states.put(id, new State(digest, offset));
    }
  }

  void forget(UUID id) {
    states.remove(id);
  }
}
