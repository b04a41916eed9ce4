package dev.berth.engine.api;

import dev.berth.engine.container.EngineException;
import dev.berth.engine.node.NoNodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the native API as problem details. */
@RestControllerAdvice(basePackages = "dev.berth.engine.api")
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(EngineErrorHandler.class);

  @ExceptionHandler(EngineException.class)
  ProblemDetail engine(EngineException e) {
    HttpStatus status = switch (e) {
      case EngineException.NotFound notFound -> HttpStatus.NOT_FOUND;
      case EngineException.Conflict conflict -> HttpStatus.CONFLICT;
      case EngineException.InvalidArgument invalid -> HttpStatus.BAD_REQUEST;
      case EngineException.NotModified notModified -> HttpStatus.NOT_MODIFIED;
      case EngineException.Failed failed -> failed.unavailable() ? HttpStatus.SERVICE_UNAVAILABLE
          : HttpStatus.INTERNAL_SERVER_ERROR;
    };
    if (status.is5xxServerError()) {
      log.warn("{}", e.getMessage(), e.getCause());
    }
    return ProblemDetail.forStatusAndDetail(status, e.getMessage());
  }

  @ExceptionHandler(NoNodeException.class)
  ProblemDetail noNode(NoNodeException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail invalid(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }
}
