package dev.berth.gateway.error;

import io.netty.handler.timeout.TimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * What went wrong, as a status and a message for the client: a service that cannot be reached
 * (connection refused or timed out) is 503, one that answered too slowly 504, one that broke the
 * exchange off 502, a path no route and no endpoint serves 404.
 *
 * @param status the status to answer with
 * @param message what to tell the client, naming the service but never a stack trace
 */
record GatewayError(HttpStatusCode status, String message) {

  static GatewayError of(Throwable error, String service) {
    String upstream = service == null ? "the service" : service;
    if (error instanceof ResponseStatusException e) {
      if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
        return new GatewayError(e.getStatusCode(), "page not found");
      }
      if (e.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
        return new GatewayError(e.getStatusCode(), upstream + " did not answer in time");
      }
      return new GatewayError(e.getStatusCode(), e.getReason() == null ? e.getMessage() : e.getReason());
    }
    if (causedBy(error, TimeoutException.class)) {
      return new GatewayError(HttpStatus.GATEWAY_TIMEOUT, upstream + " did not answer in time");
    }
    if (causedBy(error, ConnectException.class)) {
      return new GatewayError(HttpStatus.SERVICE_UNAVAILABLE, upstream + " is unavailable: " + error.getMessage());
    }
    if (causedBy(error, IOException.class)) {
      return new GatewayError(HttpStatus.BAD_GATEWAY, upstream + " broke off the exchange: " + error.getMessage());
    }
    return new GatewayError(HttpStatus.INTERNAL_SERVER_ERROR, "internal gateway error");
  }

  boolean isServerError() {
    return status.is5xxServerError();
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
