package dev.berth.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class GatewayErrorTest {

  @Test
  void aServiceThatRefusesTheConnectionIsUnavailable() {
    GatewayError error = GatewayError.of(new IllegalStateException(new ConnectException("Connection refused")),
        "engine-service");

    assertThat(error.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(error.message()).startsWith("engine-service is unavailable: ");
  }

  @Test
  void aServiceThatStopsAnsweringIsAGatewayTimeout() {
    assertThat(GatewayError.of(ReadTimeoutException.INSTANCE, "image-service").status())
        .isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
    assertThat(GatewayError.of(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT), "image-service").message())
        .isEqualTo("image-service did not answer in time");
  }

  @Test
  void aServiceThatBreaksTheExchangeOffIsABadGateway() {
    assertThat(GatewayError.of(new IOException("Connection prematurely closed"), "registry-service").status())
        .isEqualTo(HttpStatus.BAD_GATEWAY);
  }

  @Test
  void aPathNothingServesIsNotFoundAsDockerdSaysIt() {
    GatewayError error = GatewayError.of(new ResponseStatusException(HttpStatus.NOT_FOUND), null);

    assertThat(error.status()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(error.message()).isEqualTo("page not found");
  }

  @Test
  void anythingElseIsAnInternalErrorWithoutDetails() {
    GatewayError error = GatewayError.of(new NullPointerException("secret"), "engine-service");

    assertThat(error.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(error.message()).doesNotContain("secret");
  }
}
