package dev.berth.image.progress;

/**
 * One step of a pull or push, as progress streams report it.
 *
 * @param id what the step is about: the first 12 hex digits of a layer digest (of its diffID when
 *     pushing, as Docker shows it), or the reference's tag or digest for steps about the whole
 *     image, or null
 * @param status what happened ({@link Status})
 * @param current bytes done, for {@link Status#DOWNLOADING} and {@link Status#PUSHING}
 * @param total bytes in all, for {@link Status#DOWNLOADING} and {@link Status#PUSHING}; the
 *     manifest's size for {@link Status#PUSH_DIGEST}
 * @param detail free text: the repository, digest or final reference
 */
public record Progress(String id, Status status, long current, long total, String detail) {

  /** The steps of pulls and pushes, in the order they happen for a layer. */
  public enum Status {
    /** The pull of a repository started; detail is the familiar repository. */
    PULLING_FROM,
    /** A layer is already stored. */
    ALREADY_EXISTS,
    /** A layer will be downloaded. */
    PULLING_FS_LAYER,
    /** Bytes of a layer arrived. */
    DOWNLOADING,
    /** A layer's digest and diffID were verified. */
    VERIFIED,
    /** A layer is stored. */
    PULL_COMPLETE,
    /** The manifest digest; detail is the digest. */
    DIGEST,
    /** The image was stored; detail is the reference pulled. */
    DOWNLOADED_NEWER_IMAGE,
    /** Nothing new was needed; detail is the reference pulled. */
    IMAGE_IS_UP_TO_DATE,
    /** The push of a repository started; detail is the canonical repository ("The push refers to ..."). */
    PUSH_REFERS_TO,
    /** A layer will be pushed. */
    PREPARING,
    /** The registry already holds a layer in the repository pushed to. */
    LAYER_ALREADY_EXISTS,
    /** The registry linked a layer from another of its repositories; detail is that repository. */
    MOUNTED_FROM,
    /** Bytes of a layer were sent. */
    PUSHING,
    /** A layer was uploaded. */
    PUSHED,
    /**
     * The manifest was pushed: id is the tag, detail the manifest digest, total its size in bytes
     * (Docker's {@code TAG: digest: sha256:... size: N}).
     */
    PUSH_DIGEST,
    /**
     * Bytes of the whole image moved so far, current of total (layers already present count as
     * moved); it follows every step that moves a layer.
     */
    IMAGE_TRANSFER
  }

  public static Progress of(String id, Status status) {
    return new Progress(id, status, 0, 0, null);
  }

  public static Progress detail(String id, Status status, String detail) {
    return new Progress(id, status, 0, 0, detail);
  }
}
