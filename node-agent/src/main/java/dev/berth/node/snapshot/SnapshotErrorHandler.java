package dev.berth.node.snapshot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Snapshot errors as RFC 9457 problem details; server-side failures are logged once here. */
@RestControllerAdvice
class SnapshotErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(SnapshotErrorHandler.class);

  @ExceptionHandler(SnapshotException.class)
  ResponseEntity<ProblemDetail> snapshot(SnapshotException e) {
    HttpStatus status = switch (e) {
      case SnapshotException.NotFound notFound -> HttpStatus.NOT_FOUND;
      case SnapshotException.AlreadyExists exists -> HttpStatus.CONFLICT;
      case SnapshotException.FailedPrecondition precondition -> HttpStatus.CONFLICT;
      case SnapshotException.InvalidContent invalid -> HttpStatus.UNPROCESSABLE_CONTENT;
      case LayerException layer -> HttpStatus.UNPROCESSABLE_CONTENT;
      case SnapshotException.Unavailable unavailable -> HttpStatus.BAD_GATEWAY;
    };
    if (status.is5xxServerError()) {
      log.warn("{}", e.getMessage(), e.getCause());
    }
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, e.getMessage()));
  }
}
