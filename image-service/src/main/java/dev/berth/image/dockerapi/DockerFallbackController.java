package dev.berth.image.dockerapi;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What dockerd answers for routes it does not have, {@code 404 {"message":"page not found"}}, for
 * the Docker paths of this service no other mapping takes (any method).
 */
@RestController
class DockerFallbackController {

  @RequestMapping({"/images/**", "/auth"})
  ResponseEntity<ErrorResponse> pageNotFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
        .body(new ErrorResponse("page not found"));
  }
}
