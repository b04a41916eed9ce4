package dev.berth.registry.distribution;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v2/}: the API version check (end-1). */
@RestController
class ApiVersionController {

  @GetMapping({"/v2", "/v2/"})
  ResponseEntity<String> version() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("{}");
  }
}
