package dev.berth.registry.distribution;

import org.springframework.http.HttpStatus;

/**
 * Error codes of the <a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md#error-codes">distribution
 * spec</a> (and Docker's TAG_INVALID), each with the status it is answered with.
 */
public enum ErrorCode {
  BLOB_UNKNOWN(HttpStatus.NOT_FOUND, "blob unknown to registry"),
  BLOB_UPLOAD_INVALID(HttpStatus.BAD_REQUEST, "blob upload invalid"),
  BLOB_UPLOAD_UNKNOWN(HttpStatus.NOT_FOUND, "blob upload unknown to registry"),
  DIGEST_INVALID(HttpStatus.BAD_REQUEST, "provided digest did not match uploaded content"),
  MANIFEST_BLOB_UNKNOWN(HttpStatus.BAD_REQUEST, "manifest references a manifest or blob unknown to registry"),
  MANIFEST_INVALID(HttpStatus.BAD_REQUEST, "manifest invalid"),
  MANIFEST_UNKNOWN(HttpStatus.NOT_FOUND, "manifest unknown to registry"),
  NAME_INVALID(HttpStatus.BAD_REQUEST, "invalid repository name"),
  NAME_UNKNOWN(HttpStatus.NOT_FOUND, "repository name not known to registry"),
  SIZE_INVALID(HttpStatus.BAD_REQUEST, "provided length did not match content length"),
  TAG_INVALID(HttpStatus.BAD_REQUEST, "manifest tag did not match URI"),
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "authentication required"),
  DENIED(HttpStatus.FORBIDDEN, "requested access to the resource is denied"),
  UNSUPPORTED(HttpStatus.METHOD_NOT_ALLOWED, "the operation is unsupported"),
  TOOMANYREQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too many requests"),
  UNKNOWN(HttpStatus.INTERNAL_SERVER_ERROR, "unknown error");

  private final HttpStatus status;
  private final String message;

  ErrorCode(HttpStatus status, String message) {
    this.status = status;
    this.message = message;
  }

  public HttpStatus status() {
    return status;
  }

  public String message() {
    return message;
  }
}
