package dev.berth.platform;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

/**
 * A request body that is not the JSON expected is answered 400 with Jackson's reason and the path
 * of the offending field, not Spring's bare "Failed to read request". Protocol-specific handlers
 * (Docker, OCI) that order themselves first answer in their own format.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class UnreadableBodyHandler {

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    String why = cause instanceof JacksonException jackson ? jackson.getOriginalMessage() + " at "
        + jackson.getPathReference() : cause.getMessage();
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid request body: " + why);
  }
}
