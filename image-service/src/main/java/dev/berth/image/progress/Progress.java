package dev.berth.image.progress;

/**
 * One step of a pull or push, as progress streams report it.
 *
 * @param id what the step is about: the first 12 hex digits of a layer digest, or the reference's
 *     tag or digest for steps about the whole image, or null
 * @param status what happened ({@link Status})
 * @param current bytes done, for {@link Status#DOWNLOADING}
 * @param total bytes in all, for {@link Status#DOWNLOADING}
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
    IMAGE_IS_UP_TO_DATE
  }

  public static Progress of(String id, Status status) {
    return new Progress(id, status, 0, 0, null);
  }

  public static Progress detail(String id, Status status, String detail) {
    return new Progress(id, status, 0, 0, detail);
  }
}
