package dev.berth.image.dockerapi;

import dev.berth.image.ImageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Docker API as dockerd sends them: {@code {"message": ...}} with
 * {@code Content-Type: application/json} exactly (the CLI compares it as a string) and Docker's
 * statuses: 404 no such image, 400 bad parameters, 409 conflicts, 401 refused credentials (the CLI
 * then asks to log in), 500 otherwise. Server-side failures are logged once here.
 */
@RestControllerAdvice(basePackageClasses = DockerErrorHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DockerErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(DockerErrorHandler.class);

  @ExceptionHandler(ImageException.class)
  ResponseEntity<ErrorResponse> image(ImageException e) {
    HttpStatus status = switch (e) {
      case ImageException.NotFound notFound -> HttpStatus.NOT_FOUND;
      case ImageException.InvalidArgument invalid -> HttpStatus.BAD_REQUEST;
      case ImageException.Conflict conflict -> HttpStatus.CONFLICT;
      case ImageException.Unauthorized unauthorized -> HttpStatus.UNAUTHORIZED;
      case ImageException.Unavailable unavailable -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
    if (status.is5xxServerError()) {
      log.warn("{}", e.getMessage(), e.getCause());
    }
    return message(status, e.getMessage());
  }

  /**
   * Spring MVC's own refusals (missing or malformed parameters, unreadable bodies) keep their
   * status; anything else is 500.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorResponse> unexpected(Exception e) {
    if (e instanceof org.springframework.web.ErrorResponse refusal) {
      String detail = refusal.getBody().getDetail();
      return message(refusal.getStatusCode(), detail == null ? e.getMessage() : detail);
    }
    if (e instanceof HttpMessageNotReadableException || e instanceof TypeMismatchException) {
      return message(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    log.error("Docker API request failed", e);
    return message(HttpStatus.INTERNAL_SERVER_ERROR, String.valueOf(e.getMessage()));
  }

  private static ResponseEntity<ErrorResponse> message(HttpStatusCode status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ErrorResponse(message));
  }
}
