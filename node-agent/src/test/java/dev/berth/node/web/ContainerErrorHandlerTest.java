package dev.berth.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.node.container.ContainerException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class ContainerErrorHandlerTest {

  private final ContainerErrorHandler handler = new ContainerErrorHandler();

  @Test
  void namesTheFieldOfABodyThatIsNotTheJsonExpected() {
    MismatchedInputException cause = null;
    try {
      JsonMapper.builder().build().readValue("{\"id\": []}", IdOnly.class);
    } catch (MismatchedInputException e) {
      cause = e;
    }
    ProblemDetail problem = handler.unreadable(new HttpMessageNotReadableException("Failed to read request", cause,
        (HttpInputMessage) null));

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getDetail()).startsWith("invalid request body: ").contains("id");
  }

  @Test
  void answersEachKindOfRefusalWithItsStatus() {
    assertThat(handler.handle(new ContainerException.NotFound("container", "x")).getStatus()).isEqualTo(404);
    assertThat(handler.handle(new ContainerException.Conflict("busy")).getStatus()).isEqualTo(409);
    assertThat(handler.handle(new ContainerException.InvalidArgument("bad")).getStatus()).isEqualTo(400);
    assertThat(handler.handle(new ContainerException.NotModified("same")).getStatus()).isEqualTo(304);
  }

  record IdOnly(String id) {
  }
}
