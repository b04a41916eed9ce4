package dev.berth.registry.distribution;

import dev.berth.oci.OciJson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Translates errors at the edge, once, per protocol: on {@code /v2} into the distribution spec's
 * {@code {"errors":[{"code","message","detail"}]}}, elsewhere into RFC 9457 problem details.
 * Server errors are logged with their cause; client errors are not.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DistributionErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(DistributionErrorHandler.class);

  @ExceptionHandler(DistributionException.class)
  ResponseEntity<byte[]> distribution(DistributionException e, HttpServletRequest request) {
    return envelope(e.status(), e.code(), e.getMessage(), e.detail(), e.headers(), request);
  }

  @ExceptionHandler(ClientAbortException.class)
  void clientGone(ClientAbortException e, HttpServletRequest request) {
    log.debug("client went away during {} {}", request.getMethod(), request.getRequestURI());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<?> other(Exception e, HttpServletRequest request) {
    HttpStatusCode status = e instanceof ErrorResponse response ? response.getStatusCode()
        : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status.is5xxServerError()) {
      log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    }
    boolean distributionApi = request.getRequestURI().startsWith(request.getContextPath() + "/v2");
    if (!distributionApi) {
      ProblemDetail problem = e instanceof ErrorResponse response ? response.getBody()
          : ProblemDetail.forStatusAndDetail(status, "internal error");
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    ErrorCode code = switch (status.value()) {
      case 404 -> ErrorCode.NAME_UNKNOWN;
      case 405 -> ErrorCode.UNSUPPORTED;
      case 413 -> ErrorCode.SIZE_INVALID;
      default -> status.is4xxClientError() ? ErrorCode.UNSUPPORTED : ErrorCode.UNKNOWN;
    };
    String message = status.is5xxServerError() ? "internal error" : e.getMessage();
    return envelope(status, code, message, null, new HttpHeaders(), request);
  }

  private static ResponseEntity<byte[]> envelope(HttpStatusCode status, ErrorCode code, String message,
      Map<String, ?> detail, HttpHeaders headers, HttpServletRequest request) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code.name());
    error.put("message", message);
    if (detail != null) {
      error.put("detail", detail);
    }
    byte[] body = "HEAD".equals(request.getMethod()) ? new byte[0]
        : OciJson.mapper().writeValueAsBytes(Map.of("errors", List.of(error)));
    return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
