package dev.berth.registry.gc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Management API for garbage collection. */
@RestController
@Tag(name = "garbage collection")
class GcController {

  private final GarbageCollector collector;

  GcController(GarbageCollector collector) {
    this.collector = collector;
  }

  @PostMapping("/api/v1/gc")
  @Operation(summary = "Run garbage collection now",
      description = "Reclaims blobs no manifest references and that were not used within the grace period "
          + "(the configured one unless gracePeriod is given, as an ISO-8601 duration such as PT10M). "
          + "Pushes and pulls keep working while it runs. 409 while another run is in progress.")
  GcRun run(@RequestParam(required = false) Duration gracePeriod) {
    if (gracePeriod != null && gracePeriod.isNegative()) {
      throw new IllegalArgumentException("gracePeriod must not be negative");
    }
    return gracePeriod == null ? collector.run("api") : collector.run("api", gracePeriod);
  }

  @GetMapping("/api/v1/gc/runs")
  @Operation(summary = "Recent garbage collection runs, newest first")
  List<GcRun> runs(@RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit) {
    return collector.recent(limit);
  }

  @ExceptionHandler(GarbageCollector.AlreadyRunning.class)
  @ResponseStatus(HttpStatus.CONFLICT)
  ProblemDetail alreadyRunning(GarbageCollector.AlreadyRunning e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ProblemDetail badArgument(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }
}
