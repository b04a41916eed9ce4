package dev.berth.engine.dockerapi;

import dev.berth.oci.OciJson;
import dev.berth.platform.ForwardedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Strips the {@code /v1.NN} prefix Docker clients send, so that controllers map unversioned paths;
 * versions older than 1.24 are refused with dockerd's message, newer ones are all served. The
 * version asked for is left in {@link #API_VERSION} (the advertised one when none was given). Every
 * Docker API response carries dockerd's {@code Api-Version}, {@code Ostype},
 * {@code Docker-Experimental} and {@code Server} headers (the CLI reads the first two from any reply).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DockerVersionFilter extends OncePerRequestFilter {

  /** Request attribute holding the API version of a request, e.g. {@code 1.41}. */
  static final String API_VERSION = "dev.berth.engine.dockerapi.apiVersion";
  /** The version advertised in {@code /_ping} and {@code /version}. */
  static final String CURRENT = "1.44";
  static final String MINIMUM = "1.24";

  private static final int MIN_MINOR = 24;
  /** Berth's own paths, which are not Docker's. */
  private static final Pattern NATIVE = Pattern.compile("/(api|actuator|swagger-ui|v3/api-docs)(/|$|\\.)");
  private static final Pattern VERSION = Pattern.compile("/v1\\.(\\d{1,4})(/.*)");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!NATIVE.matcher(path).lookingAt()) {
      response.setHeader("Api-Version", CURRENT);
      response.setHeader("Ostype", "linux");
      response.setHeader("Docker-Experimental", "false");
      response.setHeader("Server", "Docker/" + DockerSystemController.ENGINE_VERSION + " (linux)");
    }
    Matcher version = VERSION.matcher(path);
    if (!version.matches()) {
      request.setAttribute(API_VERSION, CURRENT);
      chain.doFilter(request, response);
      return;
    }
    int minor = Integer.parseInt(version.group(1));
    if (minor < MIN_MINOR) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.getOutputStream().write(OciJson.mapper().writeValueAsBytes(new ErrorResponse("client version 1."
          + minor + " is too old. Minimum supported API version is " + MINIMUM
          + ", please upgrade your client to a newer version")));
      return;
    }
    request.setAttribute(API_VERSION, "1." + minor);
    String uri = request.getContextPath() + version.group(2);
    chain.doFilter(new ForwardedRequest(request, uri), response);
  }
}
