package dev.berth.registry.distribution;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request the registry refuses, with the spec's error code, a message with context, an optional
 * {@code detail} object, and the status and headers to answer with (the code's own status unless
 * overridden, as for 413 and 416).
 */
public class DistributionException extends RuntimeException {

  private final ErrorCode code;
  private final HttpStatus status;
  private final Map<String, ?> detail;
  private final HttpHeaders headers = new HttpHeaders();

  public DistributionException(ErrorCode code, String message) {
    this(code, code.status(), message, null);
  }

  public DistributionException(ErrorCode code, String message, Map<String, ?> detail) {
    this(code, code.status(), message, detail);
  }

  public DistributionException(ErrorCode code, HttpStatus status, String message, Map<String, ?> detail) {
    super(message);
    this.code = code;
    this.status = status;
    this.detail = detail;
  }

  /** Adds a response header (for example {@code Range} on 416). */
  public DistributionException withHeader(String name, String value) {
    headers.set(name, value);
    return this;
  }

  public ErrorCode code() {
    return code;
  }

  public HttpStatus status() {
    return status;
  }

  public Map<String, ?> detail() {
    return detail;
  }

  public HttpHeaders headers() {
    return headers;
  }

  public static DistributionException blobUnknown(String name, Object digest) {
    return new DistributionException(ErrorCode.BLOB_UNKNOWN,
        "blob " + digest + " in repository " + name + ": not found", Map.of("digest", String.valueOf(digest)));
  }

  public static DistributionException manifestUnknown(String name, String reference) {
    return new DistributionException(ErrorCode.MANIFEST_UNKNOWN,
        "manifest " + reference + " in repository " + name + ": not found", Map.of("reference", reference));
  }

  public static DistributionException uploadUnknown(String name, String id) {
    return new DistributionException(ErrorCode.BLOB_UPLOAD_UNKNOWN,
        "upload " + id + " in repository " + name + ": not found", Map.of("uuid", id));
  }

  public static DistributionException nameUnknown(String name) {
    return new DistributionException(ErrorCode.NAME_UNKNOWN,
        "repository " + name + ": not found", Map.of("name", name));
  }

  public static DistributionException deleteDisabled() {
    return new DistributionException(ErrorCode.UNSUPPORTED, "deletion is disabled on this registry");
  }
}
