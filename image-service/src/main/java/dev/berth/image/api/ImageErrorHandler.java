package dev.berth.image.api;

import dev.berth.image.ImageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Image errors on the native API as RFC 9457 problem details; server-side failures are logged once here. */
@RestControllerAdvice(basePackages = {"dev.berth.image.api", "dev.berth.image.archive", "dev.berth.image.query"})
class ImageErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(ImageErrorHandler.class);

  @ExceptionHandler(ImageException.class)
  ResponseEntity<ProblemDetail> image(ImageException e) {
    HttpStatus status = switch (e) {
      case ImageException.NotFound notFound -> HttpStatus.NOT_FOUND;
      case ImageException.InvalidArgument invalid -> HttpStatus.BAD_REQUEST;
      case ImageException.Conflict conflict -> HttpStatus.CONFLICT;
      case ImageException.Unauthorized unauthorized -> HttpStatus.UNAUTHORIZED;
      case ImageException.Unavailable unavailable -> HttpStatus.BAD_GATEWAY;
    };
    if (status.is5xxServerError()) {
      log.warn("{}", e.getMessage(), e.getCause());
    }
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, e.getMessage()));
  }
}
