package dev.berth.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.node.container.ContainerException;
import org.junit.jupiter.api.Test;

class ContainerErrorHandlerTest {

  private final ContainerErrorHandler handler = new ContainerErrorHandler();

  @Test
  void answersEachKindOfRefusalWithItsStatus() {
    assertThat(handler.handle(new ContainerException.NotFound("container", "x")).getStatus()).isEqualTo(404);
    assertThat(handler.handle(new ContainerException.Conflict("busy")).getStatus()).isEqualTo(409);
    assertThat(handler.handle(new ContainerException.InvalidArgument("bad")).getStatus()).isEqualTo(400);
    assertThat(handler.handle(new ContainerException.NotModified("same")).getStatus()).isEqualTo(304);
  }
}
