package dev.berth.oci.client;

/** Told how far a blob transfer has come, for progress bars and metrics. */
@FunctionalInterface
public interface TransferProgress {

  /** Ignores progress. */
  TransferProgress NONE = bytesDone -> { };

  /**
   * Called as bytes move, with the position reached in the blob (bytes before a resume offset
   * count as done). May go back when a request is retried after an authentication challenge.
   */
  void transferred(long bytesDone);
}
