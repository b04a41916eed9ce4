package dev.berth.node.snapshot;

import dev.berth.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chain IDs, which name a layer together with everything below it
 * (<a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/config.md#layer-chainid">config.md,
 * Layer ChainID</a>): {@code ChainID(L0) = DiffID(L0)},
 * {@code ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln))}.
 */
public final class ChainIds {

  private ChainIds() {
  }

  /** The chain ID of every layer of {@code diffIds} (bottom first), in the same order. */
  public static List<Digest> of(List<Digest> diffIds) {
    List<Digest> chainIds = new ArrayList<>(diffIds.size());
    Digest chainId = null;
    for (Digest diffId : diffIds) {
      chainId = chainId == null ? diffId
          : Digest.sha256((chainId + " " + diffId).getBytes(StandardCharsets.US_ASCII));
      chainIds.add(chainId);
    }
    return chainIds;
  }
}
