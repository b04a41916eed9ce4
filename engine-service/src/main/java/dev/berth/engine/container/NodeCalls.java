package dev.berth.engine.container;

import java.util.function.Supplier;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** Calls to a node agent, its refusals turned into engine exceptions with the agent's own message. */
final class NodeCalls {

  private NodeCalls() {
  }

  static <T> T call(String node, Supplier<T> call) {
    try {
      return call.get();
    } catch (HttpClientErrorException e) {
      String detail = detail(e);
      HttpStatusCode status = e.getStatusCode();
      throw switch (status.value()) {
        case 404 -> new EngineException.NotFound(detail);
        case 409 -> new EngineException.Conflict(detail);
        case 304 -> new EngineException.NotModified(detail);
        default -> new EngineException.InvalidArgument(detail);
      };
    } catch (RestClientResponseException e) {
      if (e.getStatusCode().value() == 304) {
        throw new EngineException.NotModified("not modified");
      }
      throw new EngineException.Failed("node " + node + ": " + detail(e), false, e);
    } catch (RestClientException e) {
      throw new EngineException.Failed("node " + node + " cannot be reached: " + e.getMessage(), true, e);
    }
  }

  static void run(String node, Runnable call) {
    call(node, () -> {
      call.run();
      return null;
    });
  }

  private static String detail(RestClientResponseException e) {
    ProblemDetail problem = e.getResponseBodyAs(ProblemDetail.class);
    return problem != null && problem.getDetail() != null ? problem.getDetail() : e.getStatusText();
  }
}
