package dev.berth.node.web;

import dev.berth.node.container.ContainerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors as problem details, with the status each kind of refusal deserves. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContainerErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(ContainerErrorHandler.class);

  @ExceptionHandler(ContainerException.class)
  ProblemDetail handle(ContainerException e) {
    HttpStatus status = switch (e) {
      case ContainerException.NotFound notFound -> HttpStatus.NOT_FOUND;
      case ContainerException.Conflict conflict -> HttpStatus.CONFLICT;
      case ContainerException.InvalidArgument invalid -> HttpStatus.BAD_REQUEST;
      case ContainerException.NotModified notModified -> HttpStatus.NOT_MODIFIED;
      case ContainerException.Failed failed -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
    if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
      log.warn("{}", e.getMessage(), e.getCause());
    }
    return ProblemDetail.forStatusAndDetail(status, e.getMessage());
  }
}
