package dev.berth.image.query;

import java.util.List;

/**
 * The disk the image store takes.
 *
 * @param totalBlobBytes the bytes of all blobs in the content store
 * @param reclaimableBytes the bytes that pruning dangling images would free: blobs only they use
 * @param images each image's share, newest first
 */
public record DiskUsage(long totalBlobBytes, long reclaimableBytes, List<Image> images) {

  public DiskUsage {
    images = List.copyOf(images);
  }

  /**
   * The blobs of one image (layers as stored, config, manifest).
   *
   * @param id the image ID
   * @param repoTags its tags in familiar form
   * @param size the bytes of its blobs
   * @param sharedSize the bytes of its blobs that other images use too
   * @param uniqueSize the bytes of its blobs no other image uses
   */
  public record Image(String id, List<String> repoTags, long size, long sharedSize, long uniqueSize) {

    public Image {
      repoTags = List.copyOf(repoTags);
    }
  }
}
