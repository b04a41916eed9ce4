package dev.berth.engine.dockerapi;

import dev.berth.engine.container.EngineException;
import dev.berth.engine.node.NoNodeException;
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
 * {@code Content-Type: application/json} exactly, and Docker's statuses: 404 no such container or
 * image, 400 bad parameters, 409 conflicts, 304 nothing to do (no body), 500 otherwise.
 */
@RestControllerAdvice(basePackageClasses = DockerErrorHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DockerErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(DockerErrorHandler.class);

  @ExceptionHandler(EngineException.class)
  ResponseEntity<?> engine(EngineException e) {
    HttpStatus status = switch (e) {
      case EngineException.NotFound notFound -> HttpStatus.NOT_FOUND;
      case EngineException.Conflict conflict -> HttpStatus.CONFLICT;
      case EngineException.InvalidArgument invalid -> HttpStatus.BAD_REQUEST;
      case EngineException.NotModified notModified -> HttpStatus.NOT_MODIFIED;
      case EngineException.Failed failed -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
    if (status == HttpStatus.NOT_MODIFIED) {
      return ResponseEntity.status(status).build();
    }
    if (status.is5xxServerError()) {
      log.warn("{}", e.getMessage(), e.getCause());
    }
    return message(status, e.getMessage());
  }

  @ExceptionHandler(NoNodeException.class)
  ResponseEntity<ErrorResponse> noNode(NoNodeException e) {
    return message(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
  }

  /** Spring MVC's own refusals (missing or malformed parameters, unreadable bodies) keep their status; anything else is 500. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorResponse> unexpected(Exception e) {
    if (e instanceof org.springframework.web.ErrorResponse refusal) {
      String detail = refusal.getBody().getDetail();
      return message(refusal.getStatusCode(), detail == null ? e.getMessage() : detail);
    }
    if (e instanceof HttpMessageNotReadableException || e instanceof TypeMismatchException
        || e instanceof IllegalArgumentException) {
      return message(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    log.error("Docker API request failed", e);
    return message(HttpStatus.INTERNAL_SERVER_ERROR, String.valueOf(e.getMessage()));
  }

  static ResponseEntity<ErrorResponse> message(HttpStatusCode status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ErrorResponse(message));
  }
}
