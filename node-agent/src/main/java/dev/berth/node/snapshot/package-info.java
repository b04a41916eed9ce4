/**
 * Layer snapshots in containerd's model: an {@link dev.berth.node.snapshot.OverlaySnapshotter}
 * keeps active, view and committed snapshots as overlayfs directories with their metadata on local
 * disk and hands out {@link dev.berth.node.snapshot.Mount}s; {@link dev.berth.node.snapshot.ImageLayers}
 * fetches an image's layers from image-service and unpacks each once, verified and hostile-input
 * safe, into a snapshot named by its chain ID
 * (<a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/config.md#layer-chainid">config.md</a>),
 * turning the whiteouts of
 * <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/layer.md#whiteouts">layer.md</a> into
 * overlay whiteouts and opaque directories; {@link dev.berth.node.snapshot.DiffWriter} turns a
 * container's changes back into a layer; unused committed snapshots are garbage collected.
 */
package dev.berth.node.snapshot;
