package dev.berth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class UnreadableBodyHandlerTest {

  @Test
  void namesTheFieldOfABodyThatIsNotTheJsonExpected() {
    MismatchedInputException cause = null;
    try {
      JsonMapper.builder().build().readValue("{\"id\": []}", IdOnly.class);
    } catch (MismatchedInputException e) {
      cause = e;
    }
    ProblemDetail problem = new UnreadableBodyHandler().unreadable(new HttpMessageNotReadableException(
        "Failed to read request", cause, (HttpInputMessage) null));

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getDetail()).startsWith("invalid request body: ").contains("id");
  }

  record IdOnly(String id) {
  }
}
