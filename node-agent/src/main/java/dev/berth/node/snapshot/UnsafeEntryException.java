package dev.berth.node.snapshot;

import java.io.IOException;

/**
 * A layer entry that must not be unpacked: it would land outside the snapshot (a {@code ..}
 * component, a path through a symbolic link, a hard link to outside), or is larger than allowed.
 */
public final class UnsafeEntryException extends IOException {

  UnsafeEntryException(String entry, String reason) {
    super("entry \"" + entry + "\": " + reason);
  }
}
